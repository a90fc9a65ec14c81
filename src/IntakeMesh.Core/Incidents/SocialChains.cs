namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Who follows whom on social media within one incident: a reply to or a repost of a
/// participant's post by another customer makes that customer a follower, and every chain has
/// the root customer who started it (擒贼擒王: deal with the leader). Bounded: the most recent
/// <see cref="PostCapacity"/> posts, the first <see cref="EdgeSample"/> edges and
/// <see cref="RootCapacity"/> roots are kept; counts go on beyond them.
/// </summary>
public sealed class SocialChains
{
    public const int PostCapacity = 512;
    public const int EdgeSample = 100;
    public const int RootCapacity = 64;

    /// <summary>Recent posts by id.</summary>
    public Dictionary<string, PostRef> Posts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Post ids in the order they were remembered, oldest first, to forget the oldest.</summary>
    public Queue<string> PostOrder { get; set; } = new();

    /// <summary>The first edges, as a sample for the detail view.</summary>
    public List<ChainEdge> Edges { get; set; } = [];

    /// <summary>All edges ever linked, beyond the sample too.</summary>
    public long EdgeCount { get; set; }

    /// <summary>Followers (edges) per chain root.</summary>
    public Dictionary<string, long> FollowersByRoot { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The root of the largest chain; on a tie, the one that started first.</summary>
    public string? TopRoot { get; set; }

    /// <summary>
    /// Records a social complaint: remembers its post and, when it replies to or reposts another
    /// customer's known post, links the author as a follower. Returns the edge, if any.
    /// </summary>
    public ChainEdge? Observe(ComplaintFact fact)
    {
        ChainEdge? edge = null;
        var root = fact.CustomerKey;
        var (parentId, via) = fact.ReplyTo is { Length: > 0 } reply ? (reply, "reply") : (fact.RepostOf, "repost");
        if (parentId is { Length: > 0 } && Posts.TryGetValue(parentId, out var parent))
        {
            root = parent.Root;
            if (parent.Author != fact.CustomerKey)
            {
                edge = new ChainEdge(parent.Root, parent.Author, fact.CustomerKey, via, fact.OccurredAt);
                Link(edge);
            }
        }
        if (fact.PostId is { Length: > 0 } postId && !Posts.ContainsKey(postId))
        {
            Remember(postId, new PostRef(fact.CustomerKey, root));
        }
        return edge;
    }

    private void Link(ChainEdge edge)
    {
        EdgeCount++;
        if (Edges.Count < EdgeSample)
        {
            Edges.Add(edge);
        }
        if (FollowersByRoot.TryGetValue(edge.Root, out var followers) || FollowersByRoot.Count < RootCapacity)
        {
            FollowersByRoot[edge.Root] = followers + 1;
            if (TopRoot is null || (edge.Root != TopRoot && followers + 1 > FollowersByRoot.GetValueOrDefault(TopRoot)))
            {
                TopRoot = edge.Root;
            }
        }
    }

    private void Remember(string postId, PostRef post)
    {
        if (Posts.Count >= PostCapacity)
        {
            Posts.Remove(PostOrder.Dequeue());
        }
        Posts[postId] = post;
        PostOrder.Enqueue(postId);
    }
}
