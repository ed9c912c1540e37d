using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.Engagement.Tests.Support;

/// <summary>
/// Thirty hand-built baskets whose rules are easy to work out by hand:
/// tent is in 5 baskets, mat in 4, lantern in 3, stove in 6; tent with mat in 3, with lantern in 2,
/// with stove in 1. So tent → mat has confidence 3/5 = 60% and lift 3·30 / (5·4) = 4.5; tent →
/// lantern 2/5 = 40% and lift 2·30 / (5·3) = 4.0; tent → stove lift 1·30 / (5·6) = 1.0, no better
/// than chance. Tents are priced 59 (tent), 89 (tent-plus) and 149 (tent-pro): one per price tier.
/// </summary>
internal static class OutdoorBaskets
{
    public static readonly BasketLine Tent = new("tent", "tents", 59m);
    public static readonly BasketLine TentPlus = new("tent-plus", "tents", 89m);
    public static readonly BasketLine TentPro = new("tent-pro", "tents", 149m);
    public static readonly BasketLine Mat = new("mat", "sleeping", 25m);
    public static readonly BasketLine Lantern = new("lantern", "lighting", 15m);
    public static readonly BasketLine Stove = new("stove", "cooking", 40m);
    public static readonly BasketLine Socks = new("socks", "clothing", 8m);

    public static CrossSellModel Learned()
    {
        var model = new CrossSellModel();
        Learn(model, 2, Tent, Mat, Lantern);
        Learn(model, 1, Tent, Mat, Stove);
        Learn(model, 2, Tent);
        Learn(model, 1, Mat);
        Learn(model, 1, Lantern);
        Learn(model, 5, Stove);
        Learn(model, 1, TentPlus);
        Learn(model, 1, TentPro);
        Learn(model, 16, Socks);
        return model;
    }

    private static void Learn(CrossSellModel model, int times, params BasketLine[] basket)
    {
        for (var i = 0; i < times; i++)
        {
            model.Learn(basket);
        }
    }
}
