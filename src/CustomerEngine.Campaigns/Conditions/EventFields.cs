using System.Collections.Concurrent;
using CustomerEngine.Campaigns.Triggers;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// Reads dotted paths of a triggering event's wire form: first in its <c>data</c> (so
/// <c>items.category</c> is every line's category of a purchase), then at the event's top level
/// (<c>storeId</c>, <c>channel</c>). The data's shape depends on the event type, so a path is
/// compiled per data type, on first sight, and a path the type does not have matches nothing.
/// </summary>
internal static class EventFields
{
    public static (FieldReader<TriggerSubject>? Reader, string? Error) Compile(string path) =>
        path.Split('.').Any(string.IsNullOrWhiteSpace)
            ? (null, $"'{path}' is not a dotted path such as items.category")
            : (new EventFieldReader(FieldValueCache.IdOf("event:" + path), path), null);

    private sealed class EventFieldReader(int id, string path) : FieldReader<TriggerSubject>
    {
        private readonly ConcurrentDictionary<Type, PathStep[]?> _byType = new();

        public override FieldValue[] Values(TriggerSubject subject) =>
            subject.Values.Get(id, (subject, this), static s => s.Item2.Read(s.subject));

        private FieldValue[] Read(TriggerSubject subject)
        {
            if (subject.Data is { } data && StepsFor(data.GetType()) is { } dataSteps)
            {
                return ObjectPaths.Collect(data, dataSteps);
            }

            return StepsFor(subject.Root.GetType()) is { } rootSteps ? ObjectPaths.Collect(subject.Root, rootSteps) : [];
        }

        private PathStep[]? StepsFor(Type type) =>
            _byType.GetOrAdd(type, static (t, p) => ObjectPaths.Compile(t, p, "the event").Steps, path);
    }
}
