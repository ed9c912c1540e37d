namespace CustomerEngine.ValueModels.BgNbd;

/// <summary>Identifies a cell by x and the indexes of its distinct T and t_x; integer fields keep grouping a large base cheap.</summary>
internal readonly record struct BgNbdCellKey(int X, int TIndex, int TxIndex)
{
    public override int GetHashCode() => HashCode.Combine(X, TIndex, TxIndex);
}
