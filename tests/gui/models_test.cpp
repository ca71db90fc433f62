// The item models under QAbstractItemModelTester, with hand-checked contents.
#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

#include "app/import_setup.h"
#include "app/imports_model.h"
#include "app/mapping_model.h"
#include "app/preview_model.h"
#include "app/rejected_model.h"
#include "fixtures.h"

using namespace segdash;
using app::ImportsModel;
using app::MappingModel;
using app::RejectedModel;

namespace {

class ModelsTest : public QObject {
    Q_OBJECT
private slots:
    void importsModelShowsRecords() {
        ImportsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        store::ImportRecord a;
        a.fileName = "customers.csv";
        a.kind = "customers";
        a.profile = "generic";
        a.rowsRead = 5;
        a.rowsImported = 4;
        a.rowsRejected = 1;
        a.seconds = 0.25;
        store::ImportRecord b = a;
        b.fileName = "orders.csv";
        b.undone = true;
        model.setImports({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ImportsModel::ColumnCount));
        QCOMPARE(model.index(0, ImportsModel::File).data().toString(), QStringLiteral("customers.csv"));
        QCOMPARE(model.index(0, ImportsModel::RowsRejected).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.index(0, ImportsModel::Undone).data().toString(), QString());
        QCOMPARE(model.index(1, ImportsModel::Undone).data().toString(), QStringLiteral("undone"));
        QVERIFY(model.index(1, ImportsModel::File).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.headerData(ImportsModel::RowsImported, Qt::Horizontal).toString(), QStringLiteral("Imported"));
    }

    void rejectedModelShowsLineAndColumn() {
        RejectedModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{"a.csv", 4, 3, "Email", "'x' is not an e-mail address"}, {"a.csv", 9, 0, "", "too few fields"}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, RejectedModel::Line).data().toLongLong(), 4LL);
        QCOMPARE(model.index(0, RejectedModel::ColumnNo).data().toString(), QStringLiteral("3 (Email)"));
        QCOMPARE(model.index(1, RejectedModel::ColumnNo).data().toString(), QStringLiteral("(row)"));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void previewModelPadsRaggedRows() {
        app::PreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPreview({"id", "name"}, {{"1", "Anna"}, {"2", "Jan", "extra"}, {"3"}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("column 3"));
        QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("extra"));
        QCOMPARE(model.index(2, 1).data().toString(), QString());
    }

    void mappingModelEditsThePlan() {
        QTemporaryDir dir;
        app::ImportSetup setup;
        setup.setFiles({test::writeCustomersCsv(dir.path())});
        QVERIFY2(setup.current() && setup.current()->plan, qPrintable(setup.current()->error));
        setup.setKind(import::RecordKind::Customers);
        MappingModel model(&setup);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(2, MappingModel::Header).data().toString(), QStringLiteral("Email"));
        QCOMPARE(model.index(2, MappingModel::Sample).data().toString(), QStringLiteral("anna@example.com"));
        QCOMPARE(model.index(2, MappingModel::Field).data(Qt::EditRole).toString(), QStringLiteral("email"));
        QVERIFY(model.flags(model.index(2, MappingModel::Field)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(2, MappingModel::Header)) & Qt::ItemIsEditable));
        // A field not of this kind is refused; "" ignores the column.
        QVERIFY(!model.setData(model.index(2, MappingModel::Field), QStringLiteral("revenue")));
        QVERIFY(model.setData(model.index(2, MappingModel::Field), QString()));
        QCOMPARE(setup.current()->plan->mapping.targets[2], std::string());
        QCOMPARE(model.index(2, MappingModel::Field).data().toString(), QStringLiteral("(ignore)"));
        // Moving a field to another column takes it away from the first one.
        QVERIFY(model.setData(model.index(1, MappingModel::Field), QStringLiteral("customer_id")));
        QCOMPARE(setup.current()->plan->mapping.columnOf("customer_id"), 1);
        QCOMPARE(model.index(0, MappingModel::Field).data(Qt::EditRole).toString(), QString());
        QCOMPARE(setup.current()->options.mapOverrides.at("Name"), std::string("customer_id"));
    }
};

} // namespace

int segdash::test::runModelsTests(int argc, char **argv) {
    ModelsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "models_test.moc"
