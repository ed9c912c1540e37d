using System.Collections;
using CustomerEngine.Domain.Customers;

namespace CustomerEngine.Domain.Views;

/// <summary>
/// The recent interactions of a <see cref="Customer360"/>, copied when the view is made (the state
/// changes with the next event) but turned into <see cref="RecentInteractionView"/>s only when read.
/// A view is made for every decision, and decisions rarely read its history.
/// </summary>
internal sealed class RecentInteractionViews(RecentInteraction[] interactions) : IReadOnlyList<RecentInteractionView>
{
    // Filled on first read of each entry; two readers racing make equal views, either may stay.
    private RecentInteractionView?[]? _views;

    public int Count => interactions.Length;

    public RecentInteractionView this[int index]
    {
        get
        {
            var views = _views ??= new RecentInteractionView?[interactions.Length];
            return views[index] ??= ToView(interactions[index]);
        }
    }

    public IEnumerator<RecentInteractionView> GetEnumerator()
    {
        for (var i = 0; i < interactions.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static RecentInteractionView ToView(in RecentInteraction r) => new(r.EventId, r.Type, r.OccurredAt, r.StoreId, r.Channel, r.Summary);
}
