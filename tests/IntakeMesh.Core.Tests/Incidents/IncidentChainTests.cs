using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>Replies and reposts on social media: who follows whom, and who started the chain.</summary>
public class IncidentChainTests
{
    private static ComplaintFact Post(string customer, double hours, string postId, string? replyTo = null, string? repostOf = null) =>
        Of(customer, Hours(hours), Channel.Social) with { PostId = postId, ReplyTo = replyTo, RepostOf = repostOf };

    [Fact]
    public void Apply_ReplyAndRepostChain_MakesFollowersAndKnowsTheRoot()
    {
        var incident = Run(
            Post("lihua", 0, "wb-1"),
            Post("wang", 1, "wb-2", replyTo: "wb-1"),
            Post("zhao", 2, "wb-3", repostOf: "wb-2"),
            Post("qian", 3, "wb-4", replyTo: "wb-1"));

        var chains = incident.State.Chains;
        Assert.Equal("lihua", chains.TopRoot);
        Assert.Equal(3, chains.EdgeCount);
        Assert.Equal(3, chains.FollowersByRoot["lihua"]);
        Assert.Equal(new ChainEdge("lihua", "wang", "zhao", "repost", T0 + Hours(2)), chains.Edges[1]);
        Assert.Equal("lihua", incident.State.Participants.Single(p => p.CustomerKey == "wang").FollowerOf);
        Assert.Equal("wang", incident.State.Participants.Single(p => p.CustomerKey == "zhao").FollowerOf);
        Assert.Equal("lihua", IncidentDetail.From(incident.State).ChainRoot);
    }

    [Fact]
    public void Apply_ReplyToOwnPostOrUnknownPost_IsNoEdge()
    {
        var incident = Run(
            Post("lihua", 0, "wb-1"),
            Post("lihua", 1, "wb-2", replyTo: "wb-1"),
            Post("wang", 2, "wb-3", replyTo: "wb-unknown"));

        Assert.Equal(0, incident.State.Chains.EdgeCount);
        Assert.Null(incident.State.Chains.TopRoot);
    }

    [Fact]
    public void Apply_ManyPosts_RemembersABoundedNumber()
    {
        var incident = Run([.. Enumerable.Range(0, SocialChains.PostCapacity + 100).Select(i => Post($"c{i}", i / 100.0, $"p{i}", replyTo: i > 0 ? $"p{i - 1}" : null))]);

        Assert.Equal(SocialChains.PostCapacity, incident.State.Chains.Posts.Count);
        Assert.Equal(SocialChains.EdgeSample, incident.State.Chains.Edges.Count);
        Assert.Equal(SocialChains.PostCapacity + 99, incident.State.Chains.EdgeCount);
        Assert.Equal("c0", incident.State.Chains.TopRoot);
    }
}
