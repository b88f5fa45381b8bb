/*
 * ViewMetadata: what a BI tool reads over JDBC from revcycle's views (issue
 * 10, README.md "Connecting BI tools").  For every view of the schema:
 * DatabaseMetaData.getColumns (COLUMN_SIZE, DECIMAL_DIGITS, REMARKS = the
 * column comment) and the ResultSetMetaData of SELECT * FROM view LIMIT 0
 * (getPrecision, getScale).  One TAP line per view column; a column fails
 * when it has no comment, or when it is numeric and its precision is 0
 * (an unbounded numeric) or the two metadata disagree.  Ends with
 * "N passed, N failed"; exits 1 on any failure.
 *
 *   java -cp /usr/share/java/postgresql.jar test/jdbc/ViewMetadata.java \
 *        'jdbc:postgresql://127.0.0.1:5432/db?user=postgres' [schema]
 *
 * (Java 11 or later runs a single source file directly.)
 */
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

public class ViewMetadata {
    private static int n = 0;
    private static int passed = 0;
    private static int failed = 0;

    private static void tap(boolean ok, String what) {
        n++;
        if (ok)
            passed++;
        else
            failed++;
        System.out.println((ok ? "ok " : "not ok ") + n + " - " + what);
    }

    /* A catalog name as a LIKE pattern that matches only itself. */
    private static String likeLiteral(String name, String escape) {
        StringBuilder b = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (ch == '_' || ch == '%' || escape.indexOf(ch) >= 0)
                b.append(escape);
            b.append(ch);
        }
        return b.toString();
    }

    private static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static boolean isNumeric(int jdbcType) {
        return jdbcType == Types.NUMERIC || jdbcType == Types.DECIMAL;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ViewMetadata JDBC-URL [schema]");
            System.exit(2);
        }
        String url = args[0];
        String schema = args.length > 1 ? args[1] : "revcycle";

        try (Connection conn = DriverManager.getConnection(url)) {
            DatabaseMetaData md = conn.getMetaData();
            String esc = md.getSearchStringEscape();
            System.out.println("# " + md.getDriverName() + " " + md.getDriverVersion() + ", "
                               + md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());

            List<String> views = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, likeLiteral(schema, esc), "%", new String[] {"VIEW"})) {
                while (rs.next())
                    views.add(rs.getString("TABLE_NAME"));
            }
            views.sort(null);
            tap(!views.isEmpty(), "schema " + schema + " has views (" + views.size() + ")");

            for (String view : views) {
                List<String> names = new ArrayList<>();
                List<Integer> types = new ArrayList<>();
                List<String> typeNames = new ArrayList<>();
                List<Integer> sizes = new ArrayList<>();
                List<Integer> digits = new ArrayList<>();
                List<String> remarks = new ArrayList<>();
                try (ResultSet rs = md.getColumns(null, likeLiteral(schema, esc), likeLiteral(view, esc), "%")) {
                    while (rs.next()) {
                        if (!view.equals(rs.getString("TABLE_NAME")))
                            continue;
                        names.add(rs.getString("COLUMN_NAME"));
                        types.add(rs.getInt("DATA_TYPE"));
                        typeNames.add(rs.getString("TYPE_NAME"));
                        sizes.add(rs.getInt("COLUMN_SIZE"));
                        int d = rs.getInt("DECIMAL_DIGITS");
                        digits.add(rs.wasNull() ? null : d);
                        remarks.add(rs.getString("REMARKS"));
                    }
                }

                try (Statement st = conn.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM " + quoteIdent(schema) + "."
                                                    + quoteIdent(view) + " LIMIT 0")) {
                    ResultSetMetaData rmd = rs.getMetaData();
                    if (rmd.getColumnCount() != names.size()) {
                        tap(false, view + ": getColumns lists " + names.size() + " columns, the result set has "
                                   + rmd.getColumnCount());
                        continue;
                    }
                    for (int i = 0; i < names.size(); i++) {
                        String col = view + "." + names.get(i);
                        String remark = remarks.get(i);
                        boolean commented = remark != null && !remark.trim().isEmpty();
                        if (!names.get(i).equals(rmd.getColumnLabel(i + 1))) {
                            tap(false, col + ": result set column " + (i + 1) + " is " + rmd.getColumnLabel(i + 1));
                            continue;
                        }
                        if (!isNumeric(types.get(i))) {
                            tap(commented, col + " " + typeNames.get(i) + (commented ? "" : ": no comment"));
                            continue;
                        }
                        int p = sizes.get(i);
                        Integer s = digits.get(i);
                        int rp = rmd.getPrecision(i + 1);
                        int rsc = rmd.getScale(i + 1);
                        List<String> why = new ArrayList<>();
                        if (!commented)
                            why.add("no comment");
                        if (p <= 0 || p > 1000)
                            why.add("unbounded (getColumns COLUMN_SIZE " + p + ")");
                        if (rp <= 0 || rp > 1000)
                            why.add("unbounded (ResultSetMetaData precision " + rp + ")");
                        if (s == null)
                            why.add("DECIMAL_DIGITS null");
                        if (p != rp || s == null || s != rsc)
                            why.add("getColumns (" + p + "," + s + ") <> ResultSetMetaData (" + rp + "," + rsc + ")");
                        tap(why.isEmpty(), col + " numeric(" + p + "," + s + ")"
                                           + (why.isEmpty() ? "" : ": " + String.join("; ", why)));
                    }
                }
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
