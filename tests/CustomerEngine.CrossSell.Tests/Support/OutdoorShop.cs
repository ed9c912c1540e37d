using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.CrossSell.Tests.Support;

/// <summary>
/// A small shop whose numbers are easy to check by hand (N = 202):
/// 40 × {tent, mat}, 20 × {tent, stove}, 20 × {stove, gas}, 120 × {bread, milk},
/// 2 × {tent-x, pad-x}. SKU baskets: tent 60, mat 40, stove 40, gas 20, bread 120, milk 120,
/// tent-x 2, pad-x 2. Categories: tent and tent-x camping (62 baskets), mat and pad-x sleeping
/// (42), stove and gas cooking (40), bread and milk grocery (120).
/// </summary>
internal static class OutdoorShop
{
    public static BasketLine Tent => new("tent", "camping");

    public static BasketLine Mat => new("mat", "sleeping");

    public static BasketLine Stove => new("stove", "cooking");

    public static BasketLine Gas => new("gas", "cooking");

    public static BasketLine NewTent => new("tent-x", "camping");

    public static BasketLine NewPad => new("pad-x", "sleeping");

    public static CrossSellModel Learned()
    {
        var model = new CrossSellModel();
        Repeat(model, 40, Tent, Mat);
        Repeat(model, 20, Tent, Stove);
        Repeat(model, 20, Stove, Gas);
        Repeat(model, 120, new BasketLine("bread", "grocery"), new BasketLine("milk", "grocery"));
        Repeat(model, 2, NewTent, NewPad);
        return model;
    }

    private static void Repeat(CrossSellModel model, int times, params BasketLine[] basket)
    {
        for (var i = 0; i < times; i++)
        {
            model.Learn(basket);
        }
    }
}
