using System.Numerics;
using System.Runtime.InteropServices;

namespace BroadcastHub.Audio.Analysis;

/// <summary>SIMD helpers shared by the true-peak meter and the limiter's peak detector.</summary>
internal static class VectorMath
{
    /// <summary>Dot product of two equally long spans (the FIR step of an oversampling interpolator).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var acc = Vector<float>.Zero;
        for (var i = 0; i < va.Length; i++) acc += va[i] * vb[i];
        var sum = Vector.Sum(acc);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
