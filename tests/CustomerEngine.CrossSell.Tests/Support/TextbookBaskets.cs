using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.CrossSell.Tests.Support;

/// <summary>
/// The five-basket market-basket example of Tan, Steinbach and Kumar, small enough to count by
/// hand. Items per basket: bread 4, milk 4, diapers 4, beer 3, cola 2, eggs 1.
/// Pairs: {bread,milk} 3, {bread,diapers} 3, {milk,diapers} 3, {diapers,beer} 3, {bread,beer} 2,
/// {milk,beer} 2, {milk,cola} 2, {diapers,cola} 2, and 1 each for {bread,eggs}, {diapers,eggs},
/// {beer,eggs}, {beer,cola}, {bread,cola}.
/// </summary>
internal static class TextbookBaskets
{
    public static readonly string[][] All =
    [
        ["bread", "milk"],
        ["bread", "diapers", "beer", "eggs"],
        ["milk", "diapers", "beer", "cola"],
        ["bread", "milk", "diapers", "beer"],
        ["bread", "milk", "diapers", "cola"],
    ];

    public static CrossSellModel Learned()
    {
        var model = new CrossSellModel();
        foreach (var basket in All)
        {
            model.Learn(basket);
        }

        return model;
    }
}
