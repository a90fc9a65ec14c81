using Microsoft.Playwright;

namespace IntakeMesh.Board.Tests;

/// <summary>
/// Screenshots as test artefacts, in artifacts/test-results/screenshots (tests/run.sh keeps that
/// folder). With INTAKEMESH_UPDATE_DOCS=1 the README's pictures in docs/ are taken again too.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "test-results", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name, bool docs = false)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (docs && Environment.GetEnvironmentVariable("INTAKEMESH_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "docs"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryRoot(), "docs", $"{name}.png"), FullPage = false });
        }
        return path;
    }

    public static string RepositoryRoot()
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
