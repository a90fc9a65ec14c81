using Microsoft.Playwright;

namespace IntakeMesh.Board.Tests;

/// <summary>
/// The host plus headless Chromium from Debian's package, driven by Playwright's bundled driver
/// (no browser download). Pages sign in as a person does: the key typed into the sign-in form.
/// </summary>
public class BrowserHost : BoardHost
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Debian's chromium is not installed at {ChromiumPath}: run `bash tests/browser.sh` (tests/run.sh does)");
        }
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine has no network but loopback: Chromium's own background traffic would only fail.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser tab (its own session storage) in the given language.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, BaseURL = BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.PageError += (_, error) => PageErrors.Add(error);
        return page;
    }

    /// <summary>Script errors any page raised; a test ends by asserting there were none.</summary>
    public List<string> PageErrors { get; } = [];

    /// <summary>Opens the board and signs in with the key, as typed into the form.</summary>
    public async Task<IPage> SignInAsync(string key, string locale = "en-US")
    {
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/");
        await page.FillAsync("#credential", key);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".who").WaitForAsync();
        return page;
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
