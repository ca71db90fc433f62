#pragma once
// Fixture files for the GUI tests, written into a temp dir by each test.
#include <QString>

namespace segdash::test {

// Customers, ';'-delimited with decimal commas: 5 data rows, the one on line 4 has a
// broken e-mail and is rejected; 4 customers are imported.
QString writeCustomersCsv(const QString &dir);
// Orders of C001 and C004 from the customers file: 2 sales, revenue 100.00 + 50.50.
QString writeOrdersCsv(const QString &dir);
// `rows` valid customers in the same dialect (for cancel tests).
QString writeLargeCustomersCsv(const QString &dir, int rows);
// Creates an empty store at dir/name; returns its path or "" on failure.
QString createStore(const QString &dir, const QString &name = QStringLiteral("test.sqlite"));

// Runs the gui test classes; each returns QTest::qExec's failure count.
int runModelsTests(int argc, char **argv);
int runOptionsTests(int argc, char **argv);
int runWizardTests(int argc, char **argv);
int runSummaryTests(int argc, char **argv);

} // namespace segdash::test
