namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>
/// References to one grain interface by string key. <c>GetGrain&lt;T&gt;(string)</c> resolves
/// the interface's Orleans type by reflection on every call; the pipeline asks thousands of times
/// a batch, so the types are resolved once, at first use (when the silo knows its grain types).
/// </summary>
internal sealed class GrainReferences<T>(IGrainFactory grains) where T : IGrainWithStringKey
{
    private Types? _types;

    public T For(string key)
    {
        var types = _types ??= Resolve();
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private Types Resolve()
    {
        var sample = (GrainReference)(object)grains.GetGrain<T>("type-probe");
        return new Types(sample.GrainId.Type, sample.InterfaceType);
    }

    private sealed record Types(GrainType Grain, GrainInterfaceType Interface);
}
