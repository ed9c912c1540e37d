using System.Runtime.InteropServices;

namespace CustomerEngine.CrossSell.Counting;

/// <summary>
/// One slot of a <see cref="PartnerCounts"/> table: partner id + 1 (0 marks an empty slot) and
/// the baskets shared with it. Packed to 12 bytes so that a probe touches one place in memory,
/// which is what bounds learning speed once the tables outgrow the CPU caches.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct PartnerSlot
{
    /// <summary>Partner id + 1, so a freshly allocated (zeroed) table reads as empty.</summary>
    public int Key;

    /// <summary>The baskets shared with the partner.</summary>
    public long Count;
}
