using CustomerEngine.Campaigns.Triggers;

namespace CustomerEngine.Campaigns.Tests;

public sealed class TriggerFingerprintTests
{
    [Fact]
    public void The_fingerprint_of_a_key_is_the_same_in_every_process()
    {
        // Stored with campaign results: a restart must recognise the occurrences counted before it.
        Assert.Equal(unchecked((long)0xCBF29CE484222325), TriggerFingerprint.Of(string.Empty));
        Assert.Equal(TriggerFingerprint.Of("event:e-1"), TriggerFingerprint.Of(string.Concat("event:", "e-1")));
    }

    [Fact]
    public void Different_occurrences_have_different_fingerprints()
    {
        var keys = Enumerable.Range(0, 10_000).Select(i => "event:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("standing").Append("lifecycle:638000000000000000:AtRisk");

        Assert.Equal(10_002, keys.Select(TriggerFingerprint.Of).Distinct().Count());
    }
}
