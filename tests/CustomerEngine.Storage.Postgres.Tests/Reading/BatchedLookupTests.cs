using System.Text;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Reading;

/// <summary>
/// Point reads asked for at the same time share one query; each caller must still get exactly the
/// answer to its own request.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BatchedLookupTests : IAsyncLifetime
{
    private const int Streams = 40;
    private const int Readers = 300;

    private TemporaryDatabase _database = null!;
    private PostgresEngineStore _store = null!;
    private List<(StoredEventKey Event, long Sequence)> _appended = [];

    public async Task InitializeAsync()
    {
        _database = await TemporaryDatabase.CreateAsync();
        _store = await _database.OpenStoreAsync();

        // Streams interleaved in the log, so a merged read must interleave them again.
        for (var round = 0; round < 5; round++)
        {
            var events = Enumerable.Range(0, Streams).Select(s => SampleEvents.Event($"r{round}-s{s}", $"s{s}")).ToList();
            var outcomes = await _store.AppendAsync(events);
            _appended.AddRange(events.Zip(outcomes, (e, o) => (new StoredEventKey(e.EventId, e.StreamKey), o.Sequence!.Value)));
        }
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_stream_reads_each_get_their_own_streams_after_their_own_sequence_in_order()
    {
        var requests = Enumerable.Range(0, Readers).Select(i => Request(new Random(i))).ToList();

        var answers = await Task.WhenAll(requests.Select(r => Task.Run(() => _store.ReadStreamsAsync(r.Keys, r.After))));

        for (var i = 0; i < requests.Count; i++)
        {
            var (keys, after) = requests[i];
            var expected = _appended.Where(a => keys.Contains(a.Event.StreamKey) && a.Sequence > after).OrderBy(a => a.Sequence).Select(a => a.Event.EventId);
            Assert.Equal(expected, answers[i].Select(e => e.EventId));
            Assert.Equal(answers[i].OrderBy(e => e.Sequence).Select(e => e.Sequence), answers[i].Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task Concurrent_stream_stats_each_count_their_own_streams()
    {
        var requests = Enumerable.Range(0, Readers).Select(i => Request(new Random(i)).Keys).ToList();

        var answers = await Task.WhenAll(requests.Select(keys => Task.Run(() => _store.ReadStreamStatsAsync(keys))));

        for (var i = 0; i < requests.Count; i++)
        {
            var mine = _appended.Where(a => requests[i].Contains(a.Event.StreamKey)).ToList();
            Assert.Equal(new StreamStats(mine.Count, mine.Count == 0 ? 0 : mine.Max(a => a.Sequence)), answers[i]);
        }
    }

    [Fact]
    public async Task Concurrent_state_reads_each_get_their_own_state_or_null()
    {
        var ids = Enumerable.Range(0, 60).Select(i => new GrainStateId("ICustomerGrain", $"c-{i}", "customer")).ToList();
        foreach (var id in ids.Where((_, i) => i % 3 != 0))
        {
            await _store.WriteAsync(id, Encoding.UTF8.GetBytes(id.Key), 0);
        }

        var reads = ids.Concat(ids).Select(id => (Id: id, Read: Task.Run(() => _store.ReadAsync(id)))).ToList();
        await Task.WhenAll(reads.Select(r => r.Read));

        foreach (var (id, read) in reads)
        {
            var record = await read;
            if (ids.IndexOf(id) % 3 == 0)
            {
                Assert.Null(record);
            }
            else
            {
                Assert.Equal(id.Key, Encoding.UTF8.GetString(record!.Data));
            }
        }
    }

    // One to three streams (some of them never written) read after a random point of the log.
    private (string[] Keys, long After) Request(Random random)
    {
        var keys = Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"s{random.Next(Streams + 5)}").Distinct().ToArray();
        var after = random.Next(3) == 0 ? 0 : _appended[random.Next(_appended.Count)].Sequence;
        return (keys, after);
    }

    private sealed record StoredEventKey(string EventId, string StreamKey);
}
