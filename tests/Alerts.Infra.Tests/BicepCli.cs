using System.Diagnostics;
using System.Reflection;

namespace Alerts.Infra.Tests;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package that <c>dotnet restore</c> put in the NuGet
/// global packages folder (see the PackageDownload in this project). Nothing is downloaded at test time.
/// </summary>
public static class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Version { get; } = Metadata("BicepVersion")
        ?? throw new InvalidOperationException("The test assembly does not say which Bicep version it was built for.");

    public static string Path => Executable.Value;

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static BicepRun Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }

        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new PlatformNotSupportedException($"The restored Bicep CLI ({PackageId}) runs on linux-x64 only.");
        }

        // Where restore put packages: NUGET_PACKAGES overrides the default, and MSBuild recorded the folder it used.
        var roots = new[]
        {
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Metadata("NuGetPackageRoot"),
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        var candidates = roots
            .Where(r => !string.IsNullOrWhiteSpace(r))
            .Select(r => System.IO.Path.Combine(r!, PackageId, Version, "tools", "bicep"))
            .ToList();
        var found = candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"The Bicep CLI {Version} is not restored. Run 'dotnet restore Alerts.sln' (looked in: {string.Join(", ", candidates)}).");

        // NuGet extracts files with the mode recorded in the package, which need not include the execute bit for us.
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(found);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(found, mode | execute);
        }

        return found;
    }

    private static string? Metadata(string key) => typeof(BicepCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == key)?.Value;
}
