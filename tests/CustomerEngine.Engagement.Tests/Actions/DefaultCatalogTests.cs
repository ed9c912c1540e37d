using CustomerEngine.Engagement.Actions;

namespace CustomerEngine.Engagement.Tests.Actions;

public sealed class DefaultCatalogTests
{
    [Fact]
    public void The_default_catalog_has_an_action_of_every_built_in_kind()
    {
        var catalog = ActionCatalog.LoadDefault();

        Assert.Empty(ActionKinds.BuiltIn.Except(catalog.Actions.Select(a => a.Kind)));
        Assert.True(catalog.Version >= 1);
    }

    [Fact]
    public void Actions_are_found_by_id_and_by_kind()
    {
        var catalog = ActionCatalog.LoadDefault();

        var voucher = catalog.Find("service-recovery.goodwill-voucher");

        Assert.NotNull(voucher);
        Assert.Equal("Apologise and offer a goodwill voucher", voucher.Title);
        Assert.Contains(voucher, catalog.OfKind(ActionKinds.ServiceRecovery));
        Assert.Null(catalog.Find("no-such-action"));
    }

    [Fact]
    public void Only_selling_kinds_are_sales_actions_in_the_default_catalog()
    {
        var catalog = ActionCatalog.LoadDefault();

        Assert.Equal(
            [ActionKinds.CampaignOffer, ActionKinds.CrossSell, ActionKinds.Referral, ActionKinds.UpSell],
            catalog.Actions.Where(a => a.IsSales).Select(a => a.Kind).Distinct().Order(StringComparer.Ordinal));
    }
}
