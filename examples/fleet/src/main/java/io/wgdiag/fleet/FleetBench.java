package io.wgdiag.fleet;

import io.wgdiag.analysis.Analysis;
import io.wgdiag.analysis.bundle.EvidenceReader;
import io.wgdiag.analysis.bundle.LoadedEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The fleet job against a plain Java loop over the same captures, side by side in one JVM: {@code
 * LAB_DIR WORK_DIR COUNT [MASTER]}. Makes {@code COUNT} synthetic captures under {@code
 * WORK_DIR/fleet} (once), warms both up on the first 500, then times the loop (read the bytes,
 * read the capture, analyse it, one thread) and the Spark job (read, analyse, build and write all
 * four tables in Parquet and JSON lines) over all of them. Prints captures per second for each.
 */
public final class FleetBench {
  private FleetBench() {}

  public static void main(String[] args) throws Exception {
    Path lab = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    String master = args.length > 3 ? args[3] : "local[*]";
    Path fleet = work.resolve("fleet-" + count);
    if (!Files.isDirectory(fleet)) {
      long t0 = System.nanoTime();
      SyntheticFleet.generate(lab, fleet, count, 1L);
      System.out.printf("generated %d captures in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(fleet)) {
      files = s.filter(p -> p.toString().endsWith(".tar.gz")).sorted().toList();
    }
    long bytes = 0;
    for (Path p : files) {
      bytes += Files.size(p);
    }
    System.out.printf("fleet: %d captures, %.1f MB compressed; %d cores, max heap %d MB, %s%n", files.size(), bytes / 1e6,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    SparkSession spark = SparkSession.builder().config(new SparkConf().setMaster(master).setAppName("fleet-bench")
        .set("spark.ui.enabled", "false").set("spark.sql.shuffle.partitions", "8")).getOrCreate();
    try {
      Path warm = work.resolve("warm");
      Files.createDirectories(warm);
      int w = Math.min(500, files.size());
      for (Path p : files.subList(0, w)) {
        Path t = warm.resolve(p.getFileName());
        if (!Files.exists(t)) {
          Files.copy(p, t);
        }
      }
      loop(files.subList(0, w));
      job(spark, warm.toString(), work.resolve("out-warm").toString());

      long t0 = System.nanoTime();
      long findings = loop(files);
      double loopS = (System.nanoTime() - t0) / 1e9;
      System.out.printf("loop : %d captures, %d findings in %.1f s = %.0f captures/s (1 thread)%n", files.size(), findings,
          loopS, files.size() / loopS);

      t0 = System.nanoTime();
      String summary = job(spark, fleet.toString(), work.resolve("out").toString());
      double sparkS = (System.nanoTime() - t0) / 1e9;
      System.out.printf("spark: %s in %.1f s = %.0f captures/s (%s, four tables written twice)%n", summary, sparkS,
          files.size() / sparkS, master);
      System.out.printf("spark / loop throughput: %.2f%n", loopS / sparkS);
    } finally {
      spark.stop();
    }
  }

  private static long loop(List<Path> files) throws IOException {
    EvidenceReader reader = EvidenceReader.standard();
    Analysis analysis = Analysis.standard();
    long findings = 0;
    for (Path p : files) {
      try {
        LoadedEvidence e = reader.read(p.getFileName().toString(), Files.readAllBytes(p));
        findings += analysis.run(e.kase()).findings().size();
      } catch (io.wgdiag.analysis.bundle.BundleException ex) {
        // counted as a capture all the same, as the job's error rows are
      }
    }
    return findings;
  }

  private static String job(SparkSession spark, String dir, String out) {
    FleetJob.Options o = FleetJob.Options.parse(new String[] {"--input", dir + "/*", "--output", out});
    FleetJob.Tables t = FleetJob.run(spark, o);
    FleetJob.write(t, o);
    return t.summary();
  }
}
