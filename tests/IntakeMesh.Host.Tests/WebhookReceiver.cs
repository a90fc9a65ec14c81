using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace IntakeMesh.Host.Tests;

/// <summary>A real HTTP endpoint on loopback that records every webhook the host posts to it.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Url = $"http://127.0.0.1:{Loopback.FreePort()}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Type, JsonElement Body)> Received { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue((context.Request.Headers["X-IntakeMesh-Alert-Type"] ?? "", JsonDocument.Parse(body).RootElement.Clone()));
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
