using IntakeMesh.Core.Customers;
using Orleans.Core;
using Orleans.Runtime;
using Orleans.Storage;

namespace IntakeMesh.Grains.Tests;

/// <summary>The single-silo state store: what is written reads back as a JSON copy, and a stale write fails as a database's would.</summary>
public class InProcessGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("customer", "cus-1");

    [Fact]
    public async Task Write_ThenRead_GivesAJsonCopyOfTheState_AndAStaleWriteIsRefused()
    {
        var storage = new InProcessGrainStorage(new JsonGrainStateSerializer());
        var first = new GrainState<CustomerState>(new CustomerState { Key = "cus-1", Complaints = 3 });
        var stale = new GrainState<CustomerState>(new CustomerState());
        await storage.ReadStateAsync("customer", Grain, stale);
        Assert.False(stale.RecordExists);

        await storage.WriteStateAsync("customer", Grain, first);
        var read = new GrainState<CustomerState>(new CustomerState());
        await storage.ReadStateAsync("customer", Grain, read);

        Assert.True(read.RecordExists);
        Assert.NotSame(first.State, read.State);
        Assert.Equal(("cus-1", 3L), (read.State!.Key, read.State.Complaints));
        read.State.Complaints = 4; // a copy: the written object is not touched
        Assert.Equal(3L, first.State!.Complaints);
        Assert.Equal(first.ETag, read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("customer", Grain, stale));
        await storage.WriteStateAsync("customer", Grain, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("customer", Grain, first));

        await storage.ClearStateAsync("customer", Grain, read);
        var cleared = new GrainState<CustomerState>(new CustomerState());
        await storage.ReadStateAsync("customer", Grain, cleared);
        Assert.False(cleared.RecordExists);
    }
}
