using CustomerEngine.Domain.Customers;

namespace CustomerEngine.Domain.Tests.Customers;

public sealed class SharedStringPoolTests
{
    [Fact]
    public void Equal_texts_come_back_as_one_instance()
    {
        var pool = new SharedStringPool(capacity: 10, maxLength: 64);
        var first = pool.Share(string.Concat("purchase 1 item, ", "9.00"));

        var second = pool.Share(string.Concat("purchase 1 item", ", 9.00"));

        Assert.Same(first, second);
    }

    [Fact]
    public void A_full_pool_and_a_long_text_give_the_text_back_unshared()
    {
        var pool = new SharedStringPool(capacity: 1, maxLength: 8);
        pool.Share("S1");
        var overCapacity = string.Concat("S", "2");
        var overLength = string.Concat("a text longer ", "than eight");

        Assert.Same(overCapacity, pool.Share(overCapacity));
        Assert.NotSame(string.Concat("S", "2"), pool.Share(string.Concat("S", "2")));
        Assert.Same(overLength, pool.Share(overLength));
        Assert.NotSame(pool.Share(string.Concat("a text longer ", "than eight")), overLength);
    }
}
