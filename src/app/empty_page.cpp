#include "app/empty_page.h"

#include "ui_empty_page.h"

namespace segdash::app {

EmptyPage::EmptyPage(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::EmptyPage>()) {
    m_ui->setupUi(this);
    connect(m_ui->newButton, &QPushButton::clicked, this, &EmptyPage::newStoreRequested);
    connect(m_ui->openButton, &QPushButton::clicked, this, &EmptyPage::openStoreRequested);
}

EmptyPage::~EmptyPage() = default;

} // namespace segdash::app
