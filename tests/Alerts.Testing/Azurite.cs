using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Testing;

/// <summary>
/// One real Azurite (the npm package in the repository's node_modules) per test run, on free ports, with its data in
/// a scratch folder (in-memory mode freezes under load). It serves many storage accounts so that every test class
/// gets tables and queues of its own: <see cref="NewAccount"/>.
/// </summary>
public sealed class Azurite : IDisposable
{
    private const int AccountCount = 256;
    private static readonly Lazy<Azurite> Shared = new(() => new Azurite());
    private readonly Process process;
    private readonly string location;
    private readonly List<(string Name, string Key)> accounts;
    private int nextAccount = -1;

    private Azurite()
    {
        var root = RepositoryRoot.Path;
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in {root} (looked for {script}).");
        }

        location = Path.Combine(Path.GetTempPath(), "alerts-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(location);
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
        accounts = Enumerable.Range(0, AccountCount)
            .Select(i => ($"test{i:D3}", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"alerts-test-{i}")))))
            .ToList();

        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--location", location,
                "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AZURITE_ACCOUNTS"] = string.Join(";", accounts.Select(a => $"{a.Name}:{a.Key}"));
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        WaitForPorts();
    }

    public static Azurite Instance => Shared.Value;

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>A connection string to a storage account no other caller has been given.</summary>
    public string NewAccount()
    {
        var index = Interlocked.Increment(ref nextAccount);
        if (index >= accounts.Count)
        {
            throw new InvalidOperationException($"All {AccountCount} test storage accounts are in use; raise AccountCount.");
        }

        var (name, key) = accounts[index];
        return $"DefaultEndpointsProtocol=http;AccountName={name};AccountKey={key};" +
               $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{name};QueueEndpoint=http://127.0.0.1:{QueuePort}/{name};TableEndpoint=http://127.0.0.1:{TablePort}/{name};";
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }

            Directory.Delete(location, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
        }
    }

    private void WaitForPorts()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} during start-up.");
                }

                try
                {
                    using var client = new TcpClient();
                    client.Connect("127.0.0.1", port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(100);
                }
            }
        }
    }
}
