using System.Buffers.Binary;
using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.Grains.CrossSell;

/// <summary>
/// The persisted live model: the model's own snapshot and exactly which purchase events it holds
/// (every one up to <see cref="Through"/>, plus <see cref="Above"/>), so a restart reads only the
/// purchases after it and never counts one twice.
/// </summary>
/// <param name="Through">Every purchase with a sequence up to this one is in the model.</param>
/// <param name="Above">The purchases above <see cref="Through"/> that are in the model, ascending.</param>
/// <param name="Model">The model, in the format of <see cref="CrossSellModel.WriteSnapshot"/>.</param>
internal sealed record CrossSellCheckpoint(long Through, long[] Above, byte[] Model)
{
    // "CXCP", then a version byte, so a future layout is refused instead of misread.
    private const uint Magic = 0x50435843;
    private const byte Version = 1;

    /// <summary>The checkpoint as bytes: magic, version, through, the ascending deltas of above, the model.</summary>
    public byte[] Encode()
    {
        using var buffer = new MemoryStream(Model.Length + 32 + (Above.Length * 2));
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            Span<byte> magic = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(magic, Magic);
            writer.Write(magic);
            writer.Write(Version);
            writer.Write7BitEncodedInt64(Through);
            writer.Write7BitEncodedInt(Above.Length);
            var previous = Through;
            foreach (var sequence in Above)
            {
                writer.Write7BitEncodedInt64(sequence - previous);
                previous = sequence;
            }

            writer.Write(Model);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a checkpoint written by <see cref="Encode"/> and restores its model with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a checkpoint of this version, or are truncated or inconsistent.</exception>
    public static (CrossSellCheckpoint Checkpoint, CrossSellModel Model) Decode(byte[] data, CrossSellModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            using var reader = new BinaryReader(stream);
            if (BinaryPrimitives.ReadUInt32LittleEndian(reader.ReadBytes(4)) != Magic)
            {
                throw new InvalidDataException("Not a cross-sell checkpoint.");
            }

            if (reader.ReadByte() is var version && version != Version)
            {
                throw new InvalidDataException($"Cross-sell checkpoint version {version} is not supported (expected {Version}).");
            }

            var through = ReadAtLeast(reader, 0);
            var count = reader.Read7BitEncodedInt();
            if (count < 0 || count > stream.Length)
            {
                throw new InvalidDataException($"Cross-sell checkpoint claims {count} sequences.");
            }

            var above = new long[count];
            var previous = through;
            for (var i = 0; i < count; i++)
            {
                previous = checked(previous + ReadAtLeast(reader, 1));
                above[i] = previous;
            }

            var modelBytes = data[(int)stream.Position..];
            var model = CrossSellModel.ReadSnapshot(new MemoryStream(modelBytes, writable: false), options);
            return (new CrossSellCheckpoint(through, above, modelBytes), model);
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException("The cross-sell checkpoint is truncated or corrupt.", ex);
        }
    }

    private static long ReadAtLeast(BinaryReader reader, long minimum)
    {
        var value = reader.Read7BitEncodedInt64();
        return value >= minimum ? value : throw new InvalidDataException($"A cross-sell checkpoint field is {value}, below its minimum {minimum}.");
    }
}
