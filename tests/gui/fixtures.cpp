#include "fixtures.h"

#include <QDir>
#include <QFile>

#include "store/store.h"

namespace segdash::test {

static QString writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return {};
    return path;
}

QString writeCustomersCsv(const QString &dir) {
    const QByteArray csv = "Customer ID;Name;Email;Country;Acquisition cost;Acquired on\n"
                           "C001;Anna Kowalska;anna@example.com;PL;12,50;2024-01-15\n"
                           "C002;Jan Nowak;jan@example.com;PL;7,25;2024-01-20\n"
                           "C003;Broken Row;not-an-email;DE;3,10;2024-02-01\n"
                           "C004;Olena Shevchenko;olena@example.com;UA;20,00;2024-03-05\n"
                           "C005;Piotr Zielinski;piotr@example.com;PL;0,99;2024-03-09\n";
    return writeFile(QDir(dir).filePath(QStringLiteral("customers.csv")), csv);
}

QString writeOrdersCsv(const QString &dir) {
    const QByteArray csv = "Order ID,Customer ID,Order Date,Revenue\n"
                           "O1,C001,2024-05-01 10:00,100.00\n"
                           "O2,C004,2024-05-02 11:30,50.50\n";
    return writeFile(QDir(dir).filePath(QStringLiteral("orders.csv")), csv);
}

QString writeLargeCustomersCsv(const QString &dir, int rows) {
    QByteArray csv = "Customer ID;Name;Email;Country;Acquisition cost;Acquired on\n";
    csv.reserve(rows * 64);
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        csv += "L" + n + ";Customer " + n + ";customer" + n + "@example.com;PL;" + QByteArray::number(i % 97) +
               ",50;2024-0" + QByteArray::number(1 + i % 9) + "-1" + QByteArray::number(i % 10) + "\n";
    }
    return writeFile(QDir(dir).filePath(QStringLiteral("large.csv")), csv);
}

QString createStore(const QString &dir, const QString &name) {
    const QString path = QDir(dir).filePath(name);
    auto store = store::openStore(path.toStdString(), store::OpenMode::CreateIfMissing);
    return store ? path : QString();
}

} // namespace segdash::test
