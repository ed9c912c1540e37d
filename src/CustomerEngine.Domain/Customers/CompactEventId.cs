using System.Buffers.Binary;

namespace CustomerEngine.Domain.Customers;

/// <summary>
/// An event id held inline in 16 bytes when it can be: ids of up to 16 ASCII characters are
/// packed one byte per character, ids of 17 to 21 characters from the URL-safe alphabet
/// (letters, digits, '-' and '_', as in "3fa9-1c2e44d0-1048576" or a nanoid) six bits per
/// character, and canonical lower-case GUIDs as their 16 bytes. Any other id is kept as its string. Every active customer holds twenty of these, and a string per id
/// (48 bytes for a 13-character id, 96 for a GUID) would be the largest part of a customer.
/// </summary>
internal readonly record struct CompactEventId
{
    private const int MaxPackedLength = 16;

    // Marks bits that hold a GUID; a string here is an id that could not be packed; null means
    // packed ASCII.
    private static readonly object GuidMarker = new();

    // Marks bits that hold six-bit characters; which marker it is says how many.
    private const int MaxSixBitLength = 21;
    private const string SixBitAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    private static readonly object[] SixBitMarkers = [.. Enumerable.Range(0, MaxSixBitLength + 1).Select(_ => new object())];

    // Each ASCII character's six-bit code, or 0xFF for one outside the alphabet.
    private static readonly byte[] SixBitCodes = SixBitCodeTable();

    private readonly ulong _low;
    private readonly ulong _high;
    private readonly object? _spill;

    private CompactEventId(ulong low, ulong high, object? spill)
    {
        _low = low;
        _high = high;
        _spill = spill;
    }

    /// <summary>Packs <paramref name="eventId"/>; <see cref="ToString"/> gives back the same text.</summary>
    public static CompactEventId From(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        if (TryPackAscii(eventId, out var low, out var high))
        {
            return new CompactEventId(low, high, null);
        }

        if (eventId.Length == 36 && Guid.TryParseExact(eventId, "D", out var guid) && string.Equals(guid.ToString("D"), eventId, StringComparison.Ordinal))
        {
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            return new CompactEventId(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]), GuidMarker);
        }

        if (TryPackSixBit(eventId, out var packed))
        {
            return new CompactEventId((ulong)packed, (ulong)(packed >> 64), SixBitMarkers[eventId.Length]);
        }

        return new CompactEventId(0, 0, eventId);
    }

    /// <summary>The event id as text.</summary>
    public override string ToString()
    {
        if (_spill is string text)
        {
            return text;
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, _low);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], _high);
        if (ReferenceEquals(_spill, GuidMarker))
        {
            return new Guid(bytes).ToString("D");
        }

        if (_spill is not null)
        {
            return UnpackSixBit(((UInt128)_high << 64) | _low, Array.IndexOf(SixBitMarkers, _spill));
        }

        var length = bytes.IndexOf((byte)0);
        if (length < 0)
        {
            length = MaxPackedLength;
        }

        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return new string(chars);
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
