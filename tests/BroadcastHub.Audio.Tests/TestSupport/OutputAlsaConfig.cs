using System.Runtime.InteropServices;
using Xunit;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>All tests that touch libasound run in this collection, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class OutputAlsaCollection
{
    public const string Name = "ALSA (process-global libasound configuration)";
}

/// <summary>
/// Points libasound at a test configuration that keeps the system one (<c>alsa.conf</c>, so <c>default</c>
/// etc. still resolve) and adds <c>pcm.bhtest</c>: the ALSA <c>file</c> plugin writing raw frames to
/// <see cref="RawPath"/> over a <c>null</c> slave. libasound reads <c>ALSA_CONFIG_PATH</c> from the native
/// environment (.NET's Environment.SetEnvironmentVariable does not change it on Linux), so it is set with libc
/// <c>setenv</c>; the cached global configuration is then freed so the next open reloads it even if another
/// test already used ALSA in this process.
/// </summary>
public static class OutputAlsaConfig
{
    public const string Device = "bhtest";

    /// <summary>The file plugin writing into a named pipe (<see cref="FifoPath"/>): when its reader goes away the
    /// plugin's writes fail and <c>snd_pcm_writei</c> returns EIO, as a failing card does.</summary>
    public const string FifoDevice = "bhtestfifo";

    public static string FifoPath => Path.Combine(EnsureInstalled(), "out.fifo");

    private static readonly Lock Gate = new();
    private static string? directory;

    public static string RawPath => Path.Combine(EnsureInstalled(), "out.raw");

    public static string EnsureInstalled()
    {
        lock (Gate)
        {
            if (directory is not null)
            {
                return directory;
            }

            var dir = Directory.CreateTempSubdirectory("bh-alsa-").FullName;
            var conf = Path.Combine(dir, "asound.conf");
            File.WriteAllText(conf, $$"""
                </usr/share/alsa/alsa.conf>
                pcm.{{Device}} {
                    type file
                    slave.pcm "null"
                    file "{{Path.Combine(dir, "out.raw")}}"
                    format "raw"
                }
                pcm.{{FifoDevice}} {
                    type file
                    slave.pcm "null"
                    file "{{Path.Combine(dir, "out.fifo")}}"
                    format "raw"
                }
                """);
            Assert.Equal(0, setenv("ALSA_CONFIG_PATH", conf, 1));
            snd_config_update_free_global();
            directory = dir;
            return dir;
        }
    }

    /// <summary>Creates the named pipe the <see cref="FifoDevice"/> writes into, if missing.</summary>
    public static void CreateFifo()
    {
        if (!File.Exists(FifoPath)) Assert.Equal(0, mkfifo(FifoPath, 0x180));
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true, SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    // DllImport rather than LibraryImport: the test project does not allow unsafe code.
    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int setenv(string name, string value, int overwrite);

    [DllImport("libasound.so.2")]
    private static extern int snd_config_update_free_global();
}
