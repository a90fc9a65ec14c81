using System.Text;
using System.Text.Json.Nodes;

namespace IntakeMesh.Alerts.Tests.Infrastructure;

/// <summary>One request the test receiver got, exactly as it arrived, and what it answered.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
