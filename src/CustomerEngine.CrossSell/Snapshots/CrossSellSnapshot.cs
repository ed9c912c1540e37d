using System.Text;
using CustomerEngine.CrossSell.Counting;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Pricing;

namespace CustomerEngine.CrossSell.Snapshots;

/// <summary>
/// The binary snapshot of a <see cref="CrossSellModel"/>, version 1:
/// <code>
/// "CXSL" version:byte baskets:varint
/// level (SKUs), level (categories)
///   level   = items:varint (name:string baskets:varint){items}
///             (pairs:varint (idDelta:varint count:varint){pairs}){items}
/// listings:varint (sku:string flags:byte [category:string] [priceSum:decimal observations:varint]){listings}
/// </code>
/// Strings are length-prefixed UTF-8, varints 7-bit encoded. Items keep their interned ids (their
/// position), and each unordered pair is written once, under its lower id, as ascending id deltas,
/// so a pair costs about 3 bytes and the same model always gives the same bytes.
/// </summary>
internal static class CrossSellSnapshot
{
    private const byte Version = 1;
    private const byte HasCategory = 1;
    private const byte HasPrice = 2;

    private static ReadOnlySpan<byte> Magic => "CXSL"u8;

    /// <summary>Writes the parts of a model; the caller holds the model so no basket is half counted.</summary>
    public static void Write(Stream destination, long baskets, CooccurrenceCounts skus, CooccurrenceCounts categories, SkuListings listings)
    {
        using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write7BitEncodedInt64(baskets);
        WriteLevel(writer, skus);
        WriteLevel(writer, categories);

        var all = listings.All.ToList();
        writer.Write7BitEncodedInt(all.Count);
        foreach (var listing in all)
        {
            writer.Write(listing.Sku);
            var flags = (byte)((listing.Category is null ? 0 : HasCategory) | (listing.PriceObservations == 0 ? 0 : HasPrice));
            writer.Write(flags);
            if (listing.Category is { } category)
            {
                writer.Write(category);
            }

            if (listing.PriceObservations != 0)
            {
                writer.Write(listing.PriceSum);
                writer.Write7BitEncodedInt64(listing.PriceObservations);
            }
        }
    }

    /// <summary>Reads a snapshot into a new model.</summary>
    /// <exception cref="InvalidDataException">Not a snapshot, an unknown version, truncated, or inconsistent.</exception>
    public static CrossSellModel Read(Stream source, CrossSellModelOptions options)
    {
        try
        {
            using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("The stream is not a cross-sell model snapshot.");
            }

            var version = reader.ReadByte();
            if (version != Version)
            {
                throw new InvalidDataException($"The cross-sell snapshot is version {version}; only version {Version} can be read.");
            }

            var baskets = ReadCount(reader, 0, long.MaxValue);
            var skus = ReadLevel(reader, baskets);
            var categories = ReadLevel(reader, baskets);

            var listings = new SkuListings();
            var listingCount = ReadLength(reader);
            for (var i = 0; i < listingCount; i++)
            {
                var sku = ReadName(reader);
                var flags = reader.ReadByte();
                var category = (flags & HasCategory) != 0 ? ReadName(reader) : null;
                var (priceSum, observations) = (flags & HasPrice) != 0
                    ? (reader.ReadDecimal(), ReadCount(reader, 1, long.MaxValue))
                    : (0m, 0L);
                listings.Restore(sku, category, priceSum, observations);
            }

            return new CrossSellModel(options, baskets, skus, categories, listings);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("The cross-sell snapshot is truncated or corrupt.", e);
        }
    }

    private static void WriteLevel(BinaryWriter writer, CooccurrenceCounts level)
    {
        var rows = level.Items.Rows;
        writer.Write7BitEncodedInt(rows.Length);
        foreach (var row in rows)
        {
            writer.Write(row.Name);
            writer.Write7BitEncodedInt64(row.Baskets);
        }

        foreach (var row in rows)
        {
            var later = row.Partners.ToSortedArray().Where(pair => pair.Partner > row.Id).ToArray();
            writer.Write7BitEncodedInt(later.Length);
            var previous = row.Id;
            foreach (var (partner, count) in later)
            {
                writer.Write7BitEncodedInt(partner - previous);
                writer.Write7BitEncodedInt64(count);
                previous = partner;
            }
        }
    }

    private static CooccurrenceCounts ReadLevel(BinaryReader reader, long baskets)
    {
        var level = new CooccurrenceCounts();
        var items = ReadLength(reader);
        for (var id = 0; id < items; id++)
        {
            var row = level.Items.AddNew(ReadName(reader));
            row.Baskets = ReadCount(reader, 1, baskets);
        }

        for (var id = 0; id < items; id++)
        {
            var row = level.Items[id];
            var pairs = ReadLength(reader);
            var partner = id;
            for (var i = 0; i < pairs; i++)
            {
                var delta = reader.Read7BitEncodedInt();
                if (delta < 1 || delta > items - 1 - partner)
                {
                    throw new InvalidDataException($"The cross-sell snapshot names a partner of '{row.Name}' that does not exist.");
                }

                partner += delta;
                var other = level.Items[partner];
                level.RestorePair(row, other, ReadCount(reader, 1, Math.Min(row.Baskets, other.Baskets)));
            }
        }

        return level;
    }

    private static int ReadLength(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        return length >= 0 ? length : throw new InvalidDataException($"The cross-sell snapshot holds the negative length {length}.");
    }

    private static string ReadName(BinaryReader reader)
    {
        var name = reader.ReadString();
        return string.IsNullOrWhiteSpace(name)
            ? throw new InvalidDataException("The cross-sell snapshot holds an empty name.")
            : name;
    }

    // A count outside its bounds (a pair in more baskets than one of its items, an item in more
    // baskets than there are) means the bytes are not a snapshot this model wrote.
    private static long ReadCount(BinaryReader reader, long least, long most)
    {
        var count = reader.Read7BitEncodedInt64();
        return count >= least && count <= most
            ? count
            : throw new InvalidDataException($"The cross-sell snapshot holds the count {count}, outside {least}..{most}.");
    }
}
