//! Seats and elected candidates for all 311 municipal councils of 2022 (Kieswet chapter P), each
//! with every step recorded.
//!
//! Run: `cargo bench -p apportion --bench allocate`

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let inputs = common::inputs();
    assert_eq!(inputs.len(), 311);
    let mut group = c.benchmark_group("Kieswet chapter P");
    group.sample_size(50);
    group.measurement_time(std::time::Duration::from_secs(10));
    group.bench_function("all 311 municipalities of 2022", |b| {
        b.iter(|| common::allocate_all(&inputs))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
