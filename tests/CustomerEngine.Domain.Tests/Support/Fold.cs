using System.Text.Json;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Tests.Support;

/// <summary>Shortcuts for folding events in tests.</summary>
internal static class Fold
{
    public static CustomerState Apply(string customerId, CustomerRules rules, params SequencedEvent[] events)
    {
        var state = CustomerEvolver.Create(customerId);
        foreach (var e in events)
        {
            CustomerEvolver.Apply(state, e, rules);
        }

        return state;
    }

    public static CustomerState Apply(params SequencedEvent[] events) => Apply("c-1", CustomerRules.Default, events);

    public static string Json(CustomerState state) => JsonSerializer.Serialize(state);
}
