using CustomerEngine.Host.Hubs;

namespace CustomerEngine.Host.Tests.Hubs;

public sealed class DashboardAudienceTests
{
    [Fact]
    public void A_group_is_watched_while_any_of_its_connections_is_in_it()
    {
        var audience = new DashboardAudience();

        audience.Joined("a", "store:S1");
        audience.Joined("b", "store:S1");
        audience.Left("a", "store:S1");
        var afterOneLeft = audience.Watches("store:S1");
        audience.Left("b", "store:S1");

        Assert.True(afterOneLeft);
        Assert.False(audience.Watches("store:S1"));
    }

    [Fact]
    public void Joining_twice_counts_once_as_signalr_groups_are_sets()
    {
        var audience = new DashboardAudience();

        audience.Joined("a", "customer:c1");
        audience.Joined("a", "customer:c1");
        audience.Left("a", "customer:c1");

        Assert.False(audience.Watches("customer:c1"));
    }

    [Fact]
    public void A_disconnected_dashboard_leaves_every_group_it_was_in_and_no_other()
    {
        var audience = new DashboardAudience();
        audience.Joined("a", "store:S1");
        audience.Joined("a", "customer:c1");
        audience.Joined("b", "customer:c1");

        audience.Disconnected("a");

        Assert.False(audience.Watches("store:S1"));
        Assert.True(audience.Watches("customer:c1"));
    }

    [Fact]
    public void Leaving_a_group_never_joined_changes_nothing()
    {
        var audience = new DashboardAudience();
        audience.Joined("a", "store:S1");

        audience.Left("b", "store:S1");
        audience.Left("a", "store:S2");
        audience.Disconnected("c");

        Assert.True(audience.Watches("store:S1"));
        Assert.False(audience.Watches("store:S2"));
    }

    [Fact]
    public void The_watched_campaigns_are_read_from_the_groups_with_connections()
    {
        var audience = new DashboardAudience();
        audience.Joined("a", EngagementGroups.Campaign("spring"));
        audience.Joined("a", EngagementGroups.Overview);
        audience.Joined("b", EngagementGroups.Campaign("autumn"));
        audience.Disconnected("b");

        var campaigns = audience.Watched.Select(EngagementGroups.CampaignOf).OfType<string>();

        Assert.Equal(["spring"], campaigns);
        Assert.True(audience.Watches(EngagementGroups.Overview));
    }
}
