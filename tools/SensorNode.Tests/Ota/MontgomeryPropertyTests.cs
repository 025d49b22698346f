using System;
using System.Numerics;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;

namespace SensorNode.Tests.Ota;

/// <summary>
/// The key set-up's Montgomery constants against BigInteger: R² mod n (computed as doublings then squarings,
/// Montgomery.ComputeRSquared) and one Montgomery product a·b·R⁻¹ mod n, for random odd moduli with the top bit set
/// at every limb count from 16 (512 bits) to 128 (4096 bits), the OTA key's 96 among them.
/// </summary>
[TestClass]
public sealed class MontgomeryPropertyTests
{
    [TestMethod]
    public void RSquared_AndProduct_EqualBigInteger()
    {
        var cases = Gen.OneOf(Gen.Int[16, 128], Gen.Const(96), Gen.Const(64), Gen.Const(128))
            .SelectMany(limbs => Gen.Byte.Array[limbs * 4].Select(Gen.Byte.Array[limbs * 4], Gen.Byte.Array[limbs * 4]));
        cases.Sample((modulus, a, b) =>
        {
            modulus[0] |= 0x80;
            modulus[^1] |= 1;
            var key = new RsaPublicKey(modulus);
            Assert.IsTrue(key.IsValid);
            BigInteger n = new(modulus, isUnsigned: true, isBigEndian: true);
            int limbs = key.Modulus.Length;
            BigInteger r = BigInteger.One << (32 * limbs);
            Assert.AreEqual(r * r % n, FromLimbs(key.RSquared), $"R² mod n, {limbs} limbs");

            BigInteger x = new BigInteger(a, isUnsigned: true, isBigEndian: true) % n;
            BigInteger y = new BigInteger(b, isUnsigned: true, isBigEndian: true) % n;
            uint[] product = new uint[limbs];
            key.Arithmetic.Multiply(ToLimbs(x, limbs), ToLimbs(y, limbs), product);
            Assert.AreEqual(x * y * Inverse(r, n) % n, FromLimbs(product), $"a·b·R⁻¹ mod n, {limbs} limbs");
        }, iter: 60, threads: 1);
    }

    private static BigInteger Inverse(BigInteger r, BigInteger n)
    {
        // n is odd and R a power of two, so R is invertible mod n: extended Euclid.
        BigInteger t = 0, newT = 1, rem = n, newRem = r % n;
        while (!newRem.IsZero)
        {
            BigInteger q = rem / newRem;
            (t, newT) = (newT, t - (q * newT));
            (rem, newRem) = (newRem, rem - (q * newRem));
        }

        return t < 0 ? t + n : t;
    }

    private static uint[] ToLimbs(BigInteger value, int limbs)
    {
        var result = new uint[limbs];
        for (int i = 0; i < limbs; i++)
        {
            result[i] = (uint)(value & uint.MaxValue);
            value >>= 32;
        }

        return result;
    }

    private static BigInteger FromLimbs(uint[] limbs)
    {
        BigInteger value = 0;
        for (int i = limbs.Length - 1; i >= 0; i--)
        {
            value = (value << 32) | limbs[i];
        }

        return value;
    }
}
