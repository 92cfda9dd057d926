/* A small, deterministic program whose memory trace exercises the caches:
 * a strided pass, a random-index pass and a small matrix product over a
 * few hundred KiB. Used by tools/compare-cachegrind. */
#include <stdint.h>
#include <stdlib.h>

#define N (64 * 1024)
#define M 48

static uint64_t data[N];
static double a[M][M], b[M][M], c[M][M];

int main(void) {
    uint64_t sum = 0, x = 12345;
    for (int i = 0; i < N; ++i) data[i] = (uint64_t)i * 2654435761u;
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < N; i += 8) sum += data[i];
    for (int i = 0; i < 20000; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        data[(x >> 33) % N] += sum;
    }
    for (int i = 0; i < M; ++i)
        for (int j = 0; j < M; ++j) {
            a[i][j] = i + j;
            b[i][j] = i - j;
        }
    for (int i = 0; i < M; ++i)
        for (int j = 0; j < M; ++j) {
            double s = 0;
            for (int k = 0; k < M; ++k) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
    return (int)((sum + (uint64_t)c[3][5]) & 1);
}
