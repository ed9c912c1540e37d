using System.Collections;
using CustomerEngine.Domain.Customers;

namespace CustomerEngine.Domain.Views;

/// <summary>
/// The recent interactions of a <see cref="Customer360"/>, turned into
/// <see cref="RecentInteractionView"/>s only when read: a view is made for every decision, and
/// decisions rarely read its history. The API's view gives a copy of the state's list (the state
/// changes with the next event); a decision's view gives the list itself (<see cref="CustomerViews.ForDecision"/>).
/// </summary>
internal sealed class RecentInteractionViews(IReadOnlyList<RecentInteraction> interactions) : IReadOnlyList<RecentInteractionView>
{
    // Filled on first read of each entry; two readers racing make equal views, either may stay.
    private RecentInteractionView?[]? _views;

    public int Count => interactions.Count;

    public RecentInteractionView this[int index]
    {
        get
        {
            var views = _views ??= new RecentInteractionView?[interactions.Count];
            return views[index] ??= ToView(interactions[index]);
        }
    }

    public IEnumerator<RecentInteractionView> GetEnumerator()
    {
        for (var i = 0; i < interactions.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static RecentInteractionView ToView(in RecentInteraction r) => new(r.EventId, r.Type, r.OccurredAt, r.StoreId, r.Channel, r.Summary);
}
