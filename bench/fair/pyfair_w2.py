"""Times pyfair on W2 (product model): 1,000 FairModel objects x 10,000 simulations, their Risk columns
summed per iteration, then the mean and 99 percentiles, as numpy_fair.py does.
pyfair itself is not part of Bulwark: point PYTHONPATH at a checkout of it (bench/fair/README.md).
Usage: python3 pyfair_w2.py <reference dir> [reps=1]; prints one JSON line like the reference kernels."""
import json, os, platform, resource, statistics, sys, time

import numpy as np
from pyfair import FairModel

INPUTS = ('TEF', 'V', 'PL', 'SLEF', 'SLEM')


def run(scenarios):
    t0 = time.perf_counter()
    total = np.zeros(10_000)
    for s in scenarios:
        model = FairModel(name='w2', n_simulations=10_000)
        for target, (low, mode, high) in zip(INPUTS, s['fair']):
            model.input_data(target, low=low, mode=mode, high=high)
        model.calculate_all()
        total += model.export_results()['Risk'].to_numpy()
    ale = float(total.mean())
    q = np.percentile(total, np.arange(1, 100))
    return dict(total_s=time.perf_counter() - t0, ale=ale, p95=float(q[94]))


if __name__ == '__main__':
    folder = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    scenarios = json.load(open(os.path.join(folder, 'scenarios.json')))['scenarios']
    runs = [run(scenarios) for _ in range(reps)]
    median = statistics.median(r['total_s'] for r in runs)
    print(json.dumps(dict(tool='pyfair', python=platform.python_version(), kernel='pert', workload='W2', reps=reps,
                          median_total_s=median, all_total_s=[round(r['total_s'], 3) for r in runs],
                          iters_per_s=len(scenarios) * 10_000 / median, ale=runs[0]['ale'], p95=runs[0]['p95'],
                          maxrss_MiB=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
