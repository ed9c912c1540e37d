namespace CustomerEngine.ValueModels.BgNbd;

/// <summary>
/// Customers sharing one (x, t_x, T): they contribute identical likelihood terms, so the fit evaluates each cell once
/// and weights it by its customer count. Times are stored as indexes into the distinct T and t_x values.
/// </summary>
internal readonly record struct BgNbdCell(int X, int TIndex, int TxIndex, double Customers);
