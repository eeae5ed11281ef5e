using System.Security.Cryptography;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Services;

/// <summary>
/// Content-addressed storage of original audio files: <c>media/ab/abcdef….audio</c> by SHA-256. The uploader's
/// file name is never used in a path.
/// </summary>
public sealed class MediaStore(IOptions<BroadcastHubOptions> options)
{
    private readonly BroadcastHubOptions _options = options.Value;

    /// <summary>The path of a stored original.</summary>
    public string PathFor(string sha256) => Path.Combine(_options.MediaPath, sha256[..2], sha256 + ".audio");

    /// <summary>True when the original is present.</summary>
    public bool Exists(string sha256) => File.Exists(PathFor(sha256));

    /// <summary>
    /// Copies an upload into a private temporary file, hashing it and enforcing the size limit as it streams.
    /// The caller must <see cref="Commit"/> or <see cref="Discard"/> the result.
    /// </summary>
    public async Task<StagedFile> StageAsync(Stream upload, CancellationToken cancel)
    {
        Directory.CreateDirectory(_options.UploadTempPath);
        var tempPath = Path.Combine(_options.UploadTempPath, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await upload.ReadAsync(buffer, cancel)) > 0)
                {
                    size += read;
                    if (size > _options.MaxUploadBytes)
                        throw new AppException("file_too_large", Msg.Get("TheFileIsTooLargeThe", _options.MaxUploadBytes / (1024 * 1024)));
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancel);
                }
                await file.FlushAsync(cancel);
            }
            return new StagedFile(tempPath, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>A fresh private temporary path beside the staged uploads (for a decoded house copy).</summary>
    public string NewTempPath()
    {
        Directory.CreateDirectory(_options.UploadTempPath);
        return Path.Combine(_options.UploadTempPath, Guid.NewGuid().ToString("N") + ".part");
    }

    /// <summary>Hashes a file already written to a temporary path (<see cref="NewTempPath"/>) so it can be committed.</summary>
    public static StagedFile StageWritten(string tempPath)
    {
        using var file = File.OpenRead(tempPath);
        return new StagedFile(tempPath, Convert.ToHexStringLower(SHA256.HashData(file)), file.Length);
    }

    /// <summary>Moves a staged file to its content address (a no-op if that content is already stored).</summary>
    public void Commit(StagedFile staged)
    {
        var target = PathFor(staged.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) File.Delete(staged.TempPath);
        else File.Move(staged.TempPath, target);
    }

    /// <summary>Deletes a staged file.</summary>
    public static void Discard(StagedFile staged) => File.Delete(staged.TempPath);

    /// <summary>Deletes a stored original (used to undo a commit whose database write failed).</summary>
    public void Remove(string sha256) => File.Delete(PathFor(sha256));

    /// <summary>Removes temporary files left by uploads interrupted by a crash.</summary>
    public void CleanStaging()
    {
        if (!Directory.Exists(_options.UploadTempPath)) return;
        foreach (var file in Directory.EnumerateFiles(_options.UploadTempPath, "*.part")) File.Delete(file);
    }
}

/// <summary>An upload copied to a temporary file, with its hash and size.</summary>
public sealed record StagedFile(string TempPath, string Sha256, long SizeBytes);
