namespace CustomerEngine.Storage.Sqlite.Events;

/// <summary>
/// Which stream each of the newest events belongs to: the events above the stream index's
/// watermark, which the index does not cover yet. Appends record here instead of inserting into an
/// index whose pages are spread over every customer, and <see cref="IndexStreamsOperation"/> moves
/// them into <c>stream_index</c> in large sorted batches (decision 82).
/// </summary>
/// <remarks>
/// The writer adds an event before its transaction commits, so a reader whose snapshot holds the
/// event always finds it here or in the index. An entry whose transaction rolled back stays until
/// it is pruned; readers fetch rows by sequence and stream, so it matches nothing.
/// </remarks>
internal sealed class StreamTail
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<long>> _byStream = new(StringComparer.Ordinal);
    private long _prunedThrough;
    private int _count;
    private int _indexing;

    /// <summary>How many entries are held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// True for the one caller that should now queue an indexing write: the tail holds at least
    /// <paramref name="batchEvents"/> entries and no such write is queued. It calls <see cref="EndIndexing"/> when done.
    /// </summary>
    public bool TryBeginIndexing(int batchEvents) =>
        Count >= batchEvents && Interlocked.CompareExchange(ref _indexing, 1, 0) == 0;

    public void EndIndexing() => Volatile.Write(ref _indexing, 0);

    public void Add(string streamKey, long sequence)
    {
        lock (_lock)
        {
            if (!_byStream.TryGetValue(streamKey, out var sequences))
            {
                sequences = [];
                _byStream.Add(streamKey, sequences);
            }

            sequences.Add(sequence);
            _count++;
        }
    }

    /// <summary>
    /// The entries of <paramref name="streamKeys"/> above <paramref name="after"/>, in sequence
    /// order, and how far the tail had been pruned when they were read: every entry at or below
    /// that sequence has been dropped, because the index covers it.
    /// </summary>
    public (List<(string StreamKey, long Sequence)> Entries, long PrunedThrough) Read(IReadOnlyList<string> streamKeys, long after)
    {
        var entries = new List<(string, long)>();
        lock (_lock)
        {
            foreach (var key in streamKeys)
            {
                if (_byStream.TryGetValue(key, out var sequences))
                {
                    foreach (var sequence in sequences)
                    {
                        if (sequence > after)
                        {
                            entries.Add((key, sequence));
                        }
                    }
                }
            }

            // A write that rolled back gives its sequences out again, possibly to the same stream:
            // the stream then holds the sequence twice, and its event must still be read once. The
            // stream breaks ties so that the two copies sit side by side even when another stream
            // holds the same sequence.
            entries.Sort(static (a, b) => a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : string.CompareOrdinal(a.Item1, b.Item1));
            var kept = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                if (kept == 0 || entries[i] != entries[kept - 1])
                {
                    entries[kept++] = entries[i];
                }
            }

            entries.RemoveRange(kept, entries.Count - kept);
            return (entries, _prunedThrough);
        }
    }

    /// <summary>
    /// The entries above <paramref name="after"/> and at or below <paramref name="through"/>, sorted
    /// by stream and then sequence: the order in which they share the stream index's pages.
    /// </summary>
    public (string StreamKey, long Sequence)[] Between(long after, long through)
    {
        var entries = new List<(string StreamKey, long Sequence)>();
        lock (_lock)
        {
            foreach (var (key, sequences) in _byStream)
            {
                foreach (var sequence in sequences)
                {
                    if (sequence > after && sequence <= through)
                    {
                        entries.Add((key, sequence));
                    }
                }
            }
        }

        var sorted = entries.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byStream = string.CompareOrdinal(a.StreamKey, b.StreamKey);
            return byStream != 0 ? byStream : a.Sequence.CompareTo(b.Sequence);
        });
        return sorted;
    }

    /// <summary>Drops the entries at or below <paramref name="through"/>, once the index covers them.</summary>
    public void Prune(long through)
    {
        lock (_lock)
        {
            if (through <= _prunedThrough)
            {
                return;
            }

            var emptied = new List<string>();
            foreach (var (key, sequences) in _byStream)
            {
                _count -= sequences.RemoveAll(sequence => sequence <= through);
                if (sequences.Count == 0)
                {
                    emptied.Add(key);
                }
            }

            foreach (var key in emptied)
            {
                _byStream.Remove(key);
            }

            _prunedThrough = through;
        }
    }
}
