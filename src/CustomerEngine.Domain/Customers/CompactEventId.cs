using System.Buffers.Binary;
using System.Text;

namespace CustomerEngine.Domain.Customers;

/// <summary>
/// Packs an event id into 16 bytes and a mode when it can: ids of up to 16 ASCII characters one
/// byte per character, ids of 17 to 21 characters from the URL-safe alphabet (letters, digits,
/// '-' and '_', as in "3fa9-1c2e44d0-1048576" or a nanoid) six bits per character, and canonical
/// lower-case GUIDs as their 16 bytes. Any other id has to be kept as its string
/// (<see cref="Unpackable"/>). Every active customer holds twenty event ids, and a string per id
/// (48 bytes for a 13-character id, 96 for a GUID) would be the largest part of a customer.
/// </summary>
internal static class CompactEventId
{
    /// <summary>The mode of an id packed one ASCII byte per character.</summary>
    public const byte Ascii = 0;

    /// <summary>The mode of a canonical GUID packed as its 16 bytes.</summary>
    public const byte Guid = 1;

    /// <summary>The mode of an id that cannot be packed; the caller keeps its string.</summary>
    public const byte Unpackable = 2;

    // Six-bit ids have their length as their mode.
    private const int MaxPackedLength = 16;
    private const int MaxSixBitLength = 21;
    private const string SixBitAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    // Each ASCII character's six-bit code, or 0xFF for one outside the alphabet.
    private static readonly byte[] SixBitCodes = SixBitCodeTable();

    /// <summary>Packs <paramref name="eventId"/> and returns its mode; <see cref="Unpack"/> gives back the same text.</summary>
    public static byte Pack(string eventId, out ulong low, out ulong high)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        if (TryPackAscii(eventId, out low, out high))
        {
            return Ascii;
        }

        if (eventId.Length == 36 && System.Guid.TryParseExact(eventId, "D", out var guid) && string.Equals(guid.ToString("D"), eventId, StringComparison.Ordinal))
        {
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            low = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            high = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
            return Guid;
        }

        if (TryPackSixBit(eventId, out var packed))
        {
            low = (ulong)packed;
            high = (ulong)(packed >> 64);
            return (byte)eventId.Length;
        }

        low = 0;
        high = 0;
        return Unpackable;
    }

    /// <summary>The text of an id packed in any mode but <see cref="Unpackable"/>.</summary>
    public static string Unpack(ulong low, ulong high, byte mode)
    {
        if (mode > MaxPackedLength)
        {
            return UnpackSixBit(((UInt128)high << 64) | low, mode);
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, low);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], high);
        if (mode == Guid)
        {
            return new System.Guid(bytes).ToString("D");
        }

        var length = bytes.IndexOf((byte)0);
        if (length < 0)
        {
            length = MaxPackedLength;
        }

        return Encoding.ASCII.GetString(bytes[..length]);
    }

    // A zero byte ends the packed text, so the empty string and ids holding NUL stay strings.
    private static bool TryPackAscii(string eventId, out ulong low, out ulong high)
    {
        low = 0;
        high = 0;
        if (eventId.Length is 0 or > MaxPackedLength)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        for (var i = 0; i < eventId.Length; i++)
        {
            var c = eventId[i];
            if (c is '\0' or > '\u007f')
            {
                return false;
            }

            bytes[i] = (byte)c;
        }

        low = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        high = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        return true;
    }

    private static bool TryPackSixBit(string eventId, out UInt128 packed)
    {
        packed = 0;
        if (eventId.Length is <= MaxPackedLength or > MaxSixBitLength)
        {
            return false;
        }

        foreach (var c in eventId)
        {
            var code = c < SixBitCodes.Length ? SixBitCodes[c] : (byte)0xFF;
            if (code == 0xFF)
            {
                return false;
            }

            packed = (packed << 6) | code;
        }

        return true;
    }

    private static byte[] SixBitCodeTable()
    {
        var codes = new byte[128];
        Array.Fill(codes, (byte)0xFF);
        for (var i = 0; i < SixBitAlphabet.Length; i++)
        {
            codes[SixBitAlphabet[i]] = (byte)i;
        }

        return codes;
    }

    private static string UnpackSixBit(UInt128 packed, int length) =>
        string.Create(length, packed, static (chars, bits) =>
        {
            for (var i = chars.Length - 1; i >= 0; i--)
            {
                chars[i] = SixBitAlphabet[(int)(bits & 63)];
                bits >>= 6;
            }
        });
}
