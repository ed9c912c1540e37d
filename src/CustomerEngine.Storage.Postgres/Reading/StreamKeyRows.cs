namespace CustomerEngine.Storage.Postgres.Reading;

/// <summary>Requests of several stream keys each, flattened into parallel arrays of (request position, key) for <c>unnest</c>.</summary>
internal static class StreamKeyRows
{
    public static (int[] Positions, string[] Keys) Flatten(IReadOnlyList<string[]> requests)
    {
        var positions = new List<int>(requests.Count);
        var keys = new List<string>(requests.Count);
        for (var position = 0; position < requests.Count; position++)
        {
            foreach (var key in requests[position])
            {
                positions.Add(position);
                keys.Add(key);
            }
        }

        return ([.. positions], [.. keys]);
    }
}
