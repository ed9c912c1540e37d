using System.Buffers;

namespace CustomerEngine.Host.Ingestion;

/// <summary>
/// A request body read whole into a buffer rented from the shared pool, so a batch of events costs no
/// garbage of its own size. Dispose it only once nothing reads the body any more (a parsed
/// <see cref="System.Text.Json.JsonDocument"/> keeps pointing into it).
/// </summary>
internal sealed class RequestBodyBuffer : IDisposable
{
    private const int FirstSize = 16 * 1024;
    private byte[]? _buffer;
    private readonly int _length;

    private RequestBodyBuffer(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(RequestBodyBuffer))).AsMemory(0, _length);

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger, so a chunked upload without a Content-Length cannot exceed the limit either.</summary>
    public static async Task<RequestBodyBuffer?> ReadAsync(Stream body, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        // One byte more than announced, so the end of the body is seen without growing the buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is { } announced && announced < limit ? (int)announced + 1 : FirstSize);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)limit + 1, buffer.Length * 2L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    var whole = new RequestBodyBuffer(buffer, length);
                    buffer = null;
                    return whole;
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
