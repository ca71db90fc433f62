#include <QWidget>
// planted violation: widgets in the store
