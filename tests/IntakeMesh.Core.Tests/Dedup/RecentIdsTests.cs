using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Dedup;

namespace IntakeMesh.Core.Tests.Dedup;

/// <summary>The ring of recent ids: bounded, stored as hashes, and still reading the first releases' list of ids.</summary>
public class RecentIdsTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Ring_ForgetsTheOldest_AndRoundTripsThroughJsonInTheSameOrder()
    {
        var ids = new RecentIds(3);
        foreach (var id in new[] { "Phone:a", "Phone:b", "Phone:c", "Phone:d" })
        {
            Assert.True(ids.Add(id));
        }
        Assert.False(ids.Add("Phone:d"));

        var restored = JsonSerializer.Deserialize<RecentIds>(JsonSerializer.Serialize(ids, Json), Json)!;

        Assert.False(restored.Contains("Phone:a"));
        Assert.True(restored.Contains("Phone:b") && restored.Contains("Phone:d"));
        // The next one pushes out b, the oldest left, as it would have before the round trip.
        restored.Add("Phone:e");
        Assert.False(restored.Contains("Phone:b"));
        Assert.True(restored.Contains("Phone:c"));
    }

    [Fact]
    public void FirstReleaseShape_WithTheIdsThemselves_IsRead()
    {
        const string stored = """{"capacity":3,"items":["Email:x","Email:y","Email:z"],"next":1}""";

        var ids = JsonSerializer.Deserialize<RecentIds>(stored, Json)!;

        Assert.Equal((3, 3), (ids.Capacity, ids.Count));
        Assert.True(ids.Contains("Email:y"));
        ids.Add("Email:w"); // slot 1 (y) is the oldest
        Assert.False(ids.Contains("Email:y"));
        Assert.True(ids.Contains("Email:x"));
    }

    [Fact]
    public void EightThousandIds_StoreInAboutEightBytesEach()
    {
        var ids = new RecentIds(8192);
        for (var i = 0; i < 8192; i++)
        {
            ids.Add($"Social:so-ax7-{i:000000}-{Guid.Empty}");
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(ids, Json).Length;

        Assert.InRange(bytes, 8192 * 8, 8192 * 11);
    }
}
