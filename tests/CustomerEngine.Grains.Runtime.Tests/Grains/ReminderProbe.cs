using System.Threading.Channels;

namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class ReminderProbe
{
    public Channel<ReminderDelivery> Deliveries { get; } = Channel.CreateUnbounded<ReminderDelivery>();
}
