using System.Text.Json;
using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.Ingestion;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Ingestion;

/// <summary>Validates each posted event on its own and passes the valid ones to the pipeline.</summary>
public sealed class EventIngestion(CustomerEventPipeline pipeline, AcceptedEventRate rate, IngestInstruments instruments, TimeProvider clock, IOptions<IngestOptions> options)
{
    private readonly EventReadOptions _readOptions = new() { MaxFutureSkew = options.Value.MaxFutureSkew };

    /// <summary>Ingests the given event elements (already checked to be at most the batch limit).</summary>
    public async Task<IngestionResult> IngestAsync(IReadOnlyList<JsonElement> elements)
    {
        var now = clock.GetUtcNow();
        var rejected = new List<RejectedEvent>();
        var valid = new List<CustomerEvent>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var read = CustomerEventReader.Read(elements[i], now, _readOptions);
            if (read.Event is { } e)
            {
                valid.Add(e);
            }
            else
            {
                rejected.Add(new RejectedEvent(i, read.EventId, read.Field, $"{read.Field}: {read.Error}"));
            }
        }

        var result = await pipeline.AcceptAsync(valid);
        rate.Record(result.Accepted);
        instruments.RecordEvents(valid, result.Outcomes, elements, rejected);
        return new IngestionResult(result.Accepted, result.Duplicates, rejected);
    }
}
