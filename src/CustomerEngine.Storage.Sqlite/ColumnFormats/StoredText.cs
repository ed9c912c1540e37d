namespace CustomerEngine.Storage.Sqlite.ColumnFormats;

/// <summary>Optional text for parameters: Microsoft.Data.Sqlite binds SQL NULL only from <see cref="DBNull"/>, never from <c>null</c>.</summary>
internal static class StoredText
{
    public static object ToColumn(string? value) => value is null ? DBNull.Value : value;
}
