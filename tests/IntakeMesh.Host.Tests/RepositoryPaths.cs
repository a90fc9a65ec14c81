namespace IntakeMesh.Host.Tests;

public static class RepositoryPaths
{
    /// <summary>The folder holding IntakeMesh.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntakeMesh.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("the repository root (IntakeMesh.sln)");
    }
}
