namespace IntakeMesh.Grains;

/// <summary>The grain storage provider every IntakeMesh grain writes to.</summary>
public static class StorageNames
{
    public const string State = "intakemesh";
}
