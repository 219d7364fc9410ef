package io.wgdiag.fleet;

import io.wgdiag.analysis.bundle.BlobSource;
import io.wgdiag.analysis.bundle.TarGzSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The fleet job: every capture a glob names (bundle directories, {@code .tar.gz} files,
 * transcripts) read and analysed on Spark, written as four tables (findings, captures, patterns,
 * over_time) in Parquet and JSON lines. A capture that cannot be read becomes a capture row with
 * status {@code error} and the reason; it never fails the job. See {@code docs/fleet.md}.
 *
 * <pre>
 * java ... io.wgdiag.fleet.FleetJob --input 'captures/*' --output out/ [--master local[*]]
 *     [--min-support 20] [--min-lift 1.5] [--exclude-labels time,peer,underlay,interface,label]
 * </pre>
 */
public final class FleetJob {
  private FleetJob() {}

  /**
   * What the job reads and writes.
   *
   * @param inputs globs of captures (any file system Hadoop reads: file:, hdfs:, s3a:)
   * @param output the folder the tables go under ({@code parquet/<table>}, {@code json/<table>})
   * @param master the Spark master when none is configured (spark-submit sets one)
   * @param minSupport captures a label value must have before its patterns count as significant
   * @param minLift the least lift (rate over the fleet's rate) a significant pattern has
   * @param excludeLabels label names not used for patterns and trends (they name a capture, not a group)
   * @param formats the output formats: {@code parquet}, {@code json}
   */
  public record Options(List<String> inputs, String output, String master, int minSupport, double minLift,
      List<String> excludeLabels,
      List<String> formats) implements Serializable {

    /** The options of {@code args}; throws {@link IllegalArgumentException} with a usage line. */
    public static Options parse(String[] args) {
      List<String> inputs = new ArrayList<>();
      String output = null;
      String master = "local[*]";
      int minSupport = 20;
      double minLift = 1.5;
      List<String> exclude = List.of("time", "peer", "underlay", "interface", "label", "host", "hostname");
      List<String> formats = List.of("parquet", "json");
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing a value after " + a + "; " + USAGE);
        }
        String v = args[++i];
        switch (a) {
          case "--input" -> inputs.addAll(List.of(v.split(",")));
          case "--output" -> output = v;
          case "--master" -> master = v;
          case "--min-support" -> minSupport = Integer.parseInt(v);
          case "--min-lift" -> minLift = Double.parseDouble(v);
          case "--exclude-labels" -> exclude = List.of(v.split(","));
          case "--format" -> formats = List.of(v.split(","));
          default -> throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
        }
      }
      if (inputs.isEmpty() || output == null) {
        throw new IllegalArgumentException(USAGE);
      }
      return new Options(List.copyOf(inputs), output, master, minSupport, minLift, exclude, formats);
    }
  }

  static final String USAGE = "usage: FleetJob --input GLOB[,GLOB] --output DIR [--master local[*]] [--min-support N] [--min-lift X]"
      + " [--exclude-labels a,b] [--format parquet,json]";

  /** Runs the job; exit 2 with one line on bad usage. */
  public static void main(String[] args) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("wgdiag-fleet: " + e.getMessage());
      System.exit(2);
      return;
    }
    SparkConf conf = new SparkConf().setAppName("wgdiag-fleet");
    if (!conf.contains("spark.master")) {
      conf.setMaster(o.master()).set("spark.ui.enabled", "false").set("spark.sql.shuffle.partitions", "8");
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      Tables t = run(spark, o);
      write(t, o);
      System.out.println("wgdiag-fleet: " + t.summary() + "; tables under " + o.output());
    } finally {
      spark.stop();
    }
  }

  /** The four tables of a run. */
  public record Tables(Dataset<Row> findings, Dataset<Row> captures, Dataset<Row> patterns, Dataset<Row> overTime) {
    /** Captures read, captures in error, findings. */
    public String summary() {
      long all = captures.count();
      long errors = captures.filter("status = 'error'").count();
      return all + " captures (" + errors + " unreadable), " + findings.count() + " findings";
    }
  }

  /** Finds the captures, reads and analyses them, and builds the tables (lazily, as Spark does). */
  public static Tables run(SparkSession spark, Options o) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = jsc.hadoopConfiguration();
    List<String> files = new ArrayList<>();
    List<String> dirs = new ArrayList<>();
    List<CaptureResult> missing = new ArrayList<>();
    for (String glob : o.inputs()) {
      try {
        Path p = new Path(glob);
        FileSystem fs = p.getFileSystem(hadoop);
        FileStatus[] found = fs.globStatus(p);
        if (found == null || found.length == 0) {
          missing.add(CaptureResult.failed(glob, glob + ": no capture matches"));
          continue;
        }
        for (FileStatus s : found) {
          String q = s.getPath().toString();
          if (s.isDirectory()) {
            dirs.add(q);
          } else {
            files.add(q);
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        missing.add(CaptureResult.failed(glob, glob + ": " + e.getMessage()));
      }
    }
    int slices = Math.max(1, jsc.defaultParallelism() * 4);
    // each task reads its own files through Hadoop's file system (local, HDFS, S3): only the paths
    // and the configuration travel, the bytes are read where the analysis runs
    Map<String, String> confMap = new HashMap<>();
    for (Map.Entry<String, String> e : hadoop) {
      confMap.put(e.getKey(), e.getValue());
    }
    Broadcast<Map<String, String>> conf = jsc.broadcast(confMap);
    List<JavaRDD<CaptureResult>> parts = new ArrayList<>();
    if (!files.isEmpty()) {
      // archives and transcripts: one file each
      parts.add(jsc.parallelize(files, Math.min(files.size(), slices)).map(file -> readFile(file, conf.value())));
    }
    if (!dirs.isEmpty()) {
      // a bundle directory: its files, grouped by the capture they belong to
      parts.add(jsc.parallelize(dirs, Math.min(dirs.size(), slices)).map(dir -> readDirectory(dir, conf.value())));
    }
    if (!missing.isEmpty()) {
      parts.add(jsc.parallelize(missing, 1));
    }
    JavaRDD<CaptureResult> results = parts.isEmpty() ? jsc.emptyRDD() : parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      results = results.union(parts.get(i));
    }
    results = results.persist(StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> captures = spark.createDataFrame(results.map(FleetJob::captureRow), Schemas.CAPTURES);
    Dataset<Row> findings = spark.createDataFrame(results.flatMap(r -> findingRows(r).iterator()), Schemas.FINDINGS);
    captures.createOrReplaceTempView("captures");
    findings.createOrReplaceTempView("findings");
    String exclude = String.join(",", o.excludeLabels().stream().map(l -> "'" + l.replace("'", "''") + "'").toList());
    Dataset<Row> base = spark.sql(Schemas.patternsBaseSql(exclude)).persist(StorageLevel.MEMORY_AND_DISK());
    base.createOrReplaceTempView("pattern_base");
    long tests = Math.max(1, base.filter("support >= " + o.minSupport()).count());
    double z = Schemas.normalQuantile(1 - 0.05 / (2.0 * tests));
    Dataset<Row> patterns = spark.sql(Schemas.patternsSql(o.minSupport(), o.minLift(), z));
    Dataset<Row> overTime = spark.sql(Schemas.overTimeSql(exclude));
    return new Tables(findings, captures, patterns, overTime);
  }

  /** The file system of {@code path} under the driver's Hadoop configuration, as the task received it. */
  private static FileSystem fileSystem(Path path, Map<String, String> confMap) throws IOException {
    Configuration conf = new Configuration(false);
    confMap.forEach(conf::set);
    return path.getFileSystem(conf);
  }

  /** Reads one capture file (a {@code .tar.gz} or a transcript) through Hadoop's file system and analyses it. */
  static CaptureResult readFile(String file, Map<String, String> confMap) {
    try {
      Path path = new Path(file);
      FileSystem fs = fileSystem(path, confMap);
      long length = fs.getFileStatus(path).getLen();
      if (length > io.wgdiag.analysis.bundle.Limits.ARCHIVE_BYTES) {
        return CaptureResult.failed(file, file + ": " + length + " bytes, over the capture size limit; refused");
      }
      byte[] bytes;
      try (InputStream in = fs.open(path)) {
        bytes = in.readAllBytes();
      }
      String name = path.getName();
      return CaptureResult.analyze(file, r -> r.read(name, bytes));
    } catch (Exception | OutOfMemoryError e) {
      return CaptureResult.failed(file, file + ": cannot read: " + e);
    }
  }

  /** Reads every file under {@code dir} through Hadoop's file system (local, HDFS, S3) and analyses the capture. */
  static CaptureResult readDirectory(String dir, Map<String, String> confMap) {
    try {
      Path root = new Path(dir);
      FileSystem fs = fileSystem(root, confMap);
      String prefix = fs.makeQualified(root).toString();
      Map<String, byte[]> blobs = new LinkedHashMap<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      long total = 0;
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        String full = fs.makeQualified(s.getPath()).toString();
        String rel = full.startsWith(prefix + "/") ? full.substring(prefix.length() + 1) : s.getPath().getName();
        boolean wanted = rel.endsWith(".txt") || rel.equals("bundle.properties") || rel.startsWith("sos_commands/")
            || rel.startsWith("proc/") || rel.startsWith("sos_reports/");
        if (!wanted || !s.isFile()) {
          blobs.put(rel, new byte[0]); // listed, so it reaches the notes, not read
          continue;
        }
        total += s.getLen();
        if (s.getLen() > io.wgdiag.analysis.bundle.Limits.FILE_BYTES || total > io.wgdiag.analysis.bundle.Limits.ARCHIVE_BYTES) {
          return CaptureResult.failed(dir, dir + ": " + rel + " takes the capture over its size limit; refused");
        }
        try (InputStream in = fs.open(s.getPath())) {
          blobs.put(rel, in.readAllBytes());
        }
      }
      BlobSource source = BlobSource.of(dir, blobs);
      return CaptureResult.analyze(dir, CaptureResult.Reading.of(source));
    } catch (Exception | OutOfMemoryError e) {
      return CaptureResult.failed(dir, dir + ": " + e.getMessage());
    }
  }

  static Row captureRow(CaptureResult r) {
    List<String> codes = new ArrayList<>();
    for (CaptureResult.FindingRow f : r.findings) {
      codes.add(f.code);
    }
    return RowFactory.create(r.capture, r.kind, r.error == null ? "ok" : "error", r.error, r.time, r.host(),
        scalaMap(r.labels), r.findings.size(), r.worst(), seq(codes), seq(r.notAssessed), seq(r.ruledOut), r.unread);
  }

  static List<Row> findingRows(CaptureResult r) {
    List<Row> rows = new ArrayList<>();
    int rank = 1;
    for (CaptureResult.FindingRow f : r.findings) {
      rows.add(RowFactory.create(r.capture, r.host(), f.end, r.time, scalaMap(r.labels), rank++, f.code, f.severity,
          f.confidence, f.category, f.title, seq(f.figures)));
    }
    return rows;
  }

  private static scala.collection.immutable.Seq<String> seq(List<String> l) {
    return CollectionConverters.asScala(l).toSeq();
  }

  private static scala.collection.Map<String, String> scalaMap(Map<String, String> m) {
    return CollectionConverters.asScala(m);
  }

  /** Writes each table in each format, replacing what a former run wrote. */
  public static void write(Tables t, Options o) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("findings", t.findings());
    tables.put("captures", t.captures());
    tables.put("patterns", t.patterns().coalesce(1));
    tables.put("over_time", t.overTime().coalesce(1));
    for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
      for (String format : o.formats()) {
        String path = o.output() + "/" + format + "/" + e.getKey();
        switch (format) {
          case "parquet" -> e.getValue().write().mode(SaveMode.Overwrite).parquet(path);
          case "json" -> e.getValue().write().mode(SaveMode.Overwrite).json(path);
          default -> throw new IllegalArgumentException("unknown format " + format + " (parquet, json)");
        }
      }
    }
  }

  /** The types of the tables, for readers of the schema. */
  static final class Schemas {
    private Schemas() {}

    static final StructType CAPTURES = new StructType()
        .add("capture", DataTypes.StringType, false)
        .add("kind", DataTypes.StringType, false)
        .add("status", DataTypes.StringType, false)
        .add("error", DataTypes.StringType, true)
        .add("time", DataTypes.StringType, true)
        .add("host", DataTypes.StringType, true)
        .add("labels", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
        .add("findings", DataTypes.IntegerType, false)
        .add("worst", DataTypes.StringType, true)
        .add("codes", DataTypes.createArrayType(DataTypes.StringType), false)
        .add("not_assessed", DataTypes.createArrayType(DataTypes.StringType), false)
        .add("ruled_out", DataTypes.createArrayType(DataTypes.StringType), false)
        .add("unread_lines", DataTypes.IntegerType, false);

    static final StructType FINDINGS = new StructType()
        .add("capture", DataTypes.StringType, false)
        .add("host", DataTypes.StringType, true)
        .add("end", DataTypes.StringType, false)
        .add("time", DataTypes.StringType, true)
        .add("labels", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
        .add("rank", DataTypes.IntegerType, false)
        .add("code", DataTypes.StringType, false)
        .add("severity", DataTypes.StringType, false)
        .add("confidence", DataTypes.DoubleType, false)
        .add("category", DataTypes.StringType, false)
        .add("title", DataTypes.StringType, false)
        .add("figures", DataTypes.createArrayType(DataTypes.StringType), false);

    /** The Wilson interval's lower ({@code sign} -1) or upper (+1) end of rate {@code p} over {@code n}, at {@code z}. */
    static String wilson(String p, String n, String z, int sign) {
      String zz = "(" + z + "*" + z + ")";
      return "((" + p + " + " + zz + "/(2*" + n + ")" + (sign < 0 ? " - " : " + ") + z + " * sqrt(" + p + "*(1-" + p + ")/" + n
          + " + " + zz + "/(4*" + n + "*" + n + "))) / (1 + " + zz + "/" + n + "))";
    }

    /**
     * For each finding code and label value: captures with the label value ({@code support}), those
     * of them with the code ({@code count}), the {@code rate}, the fleet's rate of the code, the
     * {@code lift} (rate over fleet rate), and the 95% Wilson interval of the rate. A code counts
     * once per capture, whichever end it was found on.
     */
    static String patternsBaseSql(String exclude) {
      String p = "(h.n / s.support)";
      return """
          WITH ok AS (SELECT capture, labels FROM captures WHERE status = 'ok'),
          total AS (SELECT count(*) AS n FROM ok),
          lv AS (SELECT capture, l.key AS label, l.value AS value
                 FROM ok LATERAL VIEW explode(labels) l AS key, value
                 WHERE l.key NOT IN (%s)),
          cc AS (SELECT DISTINCT capture, code FROM findings),
          code_n AS (SELECT code, count(*) AS n FROM cc GROUP BY code),
          s AS (SELECT label, value, count(*) AS support FROM lv GROUP BY label, value),
          h AS (SELECT cc.code, lv.label, lv.value, count(*) AS n FROM cc JOIN lv ON cc.capture = lv.capture
                GROUP BY cc.code, lv.label, lv.value)
          SELECT h.code, h.label, h.value, CAST(h.n AS INT) AS count, CAST(s.support AS INT) AS support,
                 %s AS rate, code_n.n / total.n AS fleet_rate, %s / (code_n.n / total.n) AS lift,
                 %s AS ci_low, %s AS ci_high
          FROM h JOIN s ON h.label = s.label AND h.value = s.value
                 JOIN code_n ON h.code = code_n.code CROSS JOIN total
          """.formatted(exclude, p, p, wilson(p, "s.support", "1.959964", -1), wilson(p, "s.support", "1.959964", 1));
    }

    /**
     * The patterns with {@code ci_low_adjusted}, the Wilson lower end at the confidence that keeps
     * the chance of any false pattern among the {@code tests} candidates under 5% (Bonferroni), and
     * {@code significant}: support at least the minimum, lift at least the minimum, and that lower
     * end above the fleet rate. Significant patterns first, by lift.
     */
    static String patternsSql(int minSupport, double minLift, double zAdjusted) {
      String z = Double.toString(zAdjusted);
      String low = wilson("rate", "support", z, -1);
      return """
          SELECT *, %s AS ci_low_adjusted,
                 (support >= %d AND lift >= %s AND %s > fleet_rate) AS significant
          FROM pattern_base
          ORDER BY significant DESC, lift DESC, count DESC, code, label, value
          """.formatted(low, minSupport, Double.toString(minLift), low);
    }

    /**
     * The standard normal quantile: the z with P(Z &lt; z) = {@code p} (Acklam's rational
     * approximation, relative error under 1.2e-9), for 0 &lt; p &lt; 1.
     */
    static double normalQuantile(double p) {
      double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
          -3.066479806614716e+01, 2.506628277459239e+00};
      double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
          -1.328068155288572e+01};
      double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
          4.374664141464968e+00, 2.938163982698783e+00};
      double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
      double low = 0.02425;
      if (p < low) {
        double q = Math.sqrt(-2 * Math.log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
      }
      if (p > 1 - low) {
        return -normalQuantile(1 - p);
      }
      double q = p - 0.5;
      double r = q * q;
      return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
          / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** Findings per day (UTC, from the capture time) and code, per label value and over the whole fleet ({@code *}). */
    static String overTimeSql(String exclude) {
      return """
          WITH f AS (SELECT DISTINCT capture, code, to_date(substr(time, 1, 10)) AS day FROM findings
                     WHERE time IS NOT NULL),
          lv AS (SELECT capture, l.key AS label, l.value AS value
                 FROM captures LATERAL VIEW explode(labels) l AS key, value WHERE l.key NOT IN (%s))
          SELECT day, code, '*' AS label, '*' AS value, CAST(count(*) AS INT) AS captures FROM f GROUP BY day, code
          UNION ALL
          SELECT f.day, f.code, lv.label, lv.value, CAST(count(*) AS INT) AS captures
          FROM f JOIN lv ON f.capture = lv.capture
          GROUP BY f.day, f.code, lv.label, lv.value
          ORDER BY day, code, label, value
          """.formatted(exclude);
    }
  }
}
