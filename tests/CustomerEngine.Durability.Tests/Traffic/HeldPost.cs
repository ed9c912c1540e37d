using System.Diagnostics;
using System.Net;
using System.Text;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>
/// A post that is certainly in flight: it asks for <c>100 Continue</c>, which the host sends only
/// once the endpoint starts reading the body, then sends half the body and holds the rest back
/// until released. Whatever the host does meanwhile (say, begin a graceful stop), the request has
/// reached the handler.
/// </summary>
public sealed class HeldPost
{
    private readonly HeldContent _content;

    private HeldPost(HeldContent content, Task<PostAttempt> answer)
    {
        _content = content;
        Answer = answer;
    }

    public Task<PostAttempt> Answer { get; }

    /// <summary>Starts the post and returns once the host has begun reading its body.</summary>
    public static async Task<HeldPost> StartAsync(HostProcess host, EventBatch batch, Stopwatch clock)
    {
        var content = new HeldContent(Encoding.UTF8.GetBytes(batch.Body));
        var held = new HeldPost(content, PostAsync(host, batch, content, clock));
        await Task.WhenAny(content.Started, held.Answer).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(content.Started.IsCompleted, $"the host answered {batch} before reading its body: {(held.Answer.IsCompletedSuccessfully ? held.Answer.Result : held.Answer.Exception?.Message)}");
        return held;
    }

    /// <summary>Sends the rest of the body.</summary>
    public void Release() => _content.Release();

    private static async Task<PostAttempt> PostAsync(HostProcess host, EventBatch batch, HttpContent content, Stopwatch clock)
    {
        // Without a long wait for 100 Continue the client would send the body after a second anyway.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        using var client = new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin-key");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = content, Version = HttpVersion.Version11 };
        request.Headers.ExpectContinue = true;
        var sentAt = clock.Elapsed;
        PostAttempt attempt;
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            attempt = new PostAttempt(sentAt, clock.Elapsed, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta, body, null);
        }
        catch (HttpRequestException ex)
        {
            attempt = new PostAttempt(sentAt, clock.Elapsed, null, null, null, null, ex.Message);
        }

        batch.Record(attempt);
        return attempt;
    }

    private sealed class HeldContent(byte[] body) : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            _started.TrySetResult();
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await stream.FlushAsync();
            await _released.Task;
            await stream.WriteAsync(body.AsMemory(body.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
